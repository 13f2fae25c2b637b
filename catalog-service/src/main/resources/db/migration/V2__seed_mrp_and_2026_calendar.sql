-- MRP values (Law on the republican budget of each year); 2026 as printed in the guide (4,325 KZT).
INSERT INTO mrp_rate (year, amount, source) VALUES
    (2024, 3692.00, 'Law on the republican budget for 2024-2026'),
    (2025, 3932.00, 'Law on the republican budget for 2025-2027'),
    (2026, 4325.00, 'Expat Centre guide 2026 (0.5 MRP = 2,162.5 KZT; 4 MRP = 17,300 KZT; 30 MRP = 129,750 KZT)')
ON CONFLICT (year) DO NOTHING;

-- Kazakhstan 2026. Sources: Labour Code of the Republic of Kazakhstan (a day off coinciding with a public holiday moves to the next
-- working day; not for religious holidays) and the Law "On holidays in the Republic of Kazakhstan" (list of
-- holidays). Government decrees transferring days off for 2026 are not loaded here: admins add them with
-- PUT /api/v1/calendar/days/{date} (kind DECREED_DAY_OFF / TRANSFER_WORKING_DAY).
INSERT INTO calendar_day (date, working, kind, reason_ru, reason_en, source) VALUES
    ('2026-01-01', false, 'HOLIDAY', 'Новый год', 'New Year', 'Law on holidays'),
    ('2026-01-02', false, 'HOLIDAY', 'Новый год', 'New Year', 'Law on holidays'),
    ('2026-01-07', false, 'RELIGIOUS_HOLIDAY', 'Православное Рождество', 'Orthodox Christmas', 'Law on holidays (not moved)'),
    ('2026-03-08', false, 'HOLIDAY', 'Международный женский день (воскресенье)', 'International Women''s Day (Sunday)', 'Law on holidays'),
    ('2026-03-09', false, 'MOVED_DAY_OFF', 'Перенос выходного с 8 марта', 'Day off moved from 8 March', 'Labour Code: holiday on a weekend moves the day off'),
    ('2026-03-21', false, 'HOLIDAY', 'Наурыз мейрамы (суббота)', 'Nauryz (Saturday)', 'Law on holidays'),
    ('2026-03-22', false, 'HOLIDAY', 'Наурыз мейрамы (воскресенье)', 'Nauryz (Sunday)', 'Law on holidays'),
    ('2026-03-23', false, 'HOLIDAY', 'Наурыз мейрамы', 'Nauryz', 'Law on holidays'),
    ('2026-03-24', false, 'MOVED_DAY_OFF', 'Перенос выходного с 21 марта (Наурыз)', 'Day off moved from 21 March (Nauryz)', 'Labour Code: holiday on a weekend moves the day off'),
    ('2026-03-25', false, 'MOVED_DAY_OFF', 'Перенос выходного с 22 марта (Наурыз)', 'Day off moved from 22 March (Nauryz)', 'Labour Code: holiday on a weekend moves the day off'),
    ('2026-05-01', false, 'HOLIDAY', 'Праздник единства народа Казахстана', 'Kazakhstan People''s Unity Day', 'Law on holidays'),
    ('2026-05-07', false, 'HOLIDAY', 'День защитника Отечества', 'Defender of the Fatherland Day', 'Law on holidays'),
    ('2026-05-09', false, 'HOLIDAY', 'День Победы (суббота)', 'Victory Day (Saturday)', 'Law on holidays'),
    ('2026-05-11', false, 'MOVED_DAY_OFF', 'Перенос выходного с 9 мая (День Победы)', 'Day off moved from 9 May (Victory Day)', 'Labour Code: holiday on a weekend moves the day off'),
    ('2026-05-27', false, 'RELIGIOUS_HOLIDAY', 'Курбан айт (первый день)', 'Kurban Ait (first day)', 'Law on holidays; date set yearly by the Spiritual Administration of Muslims (not moved)'),
    ('2026-07-06', false, 'HOLIDAY', 'День столицы', 'Capital Day', 'Law on holidays'),
    ('2026-08-30', false, 'HOLIDAY', 'День Конституции (воскресенье)', 'Constitution Day (Sunday)', 'Law on holidays'),
    ('2026-08-31', false, 'MOVED_DAY_OFF', 'Перенос выходного с 30 августа (День Конституции)', 'Day off moved from 30 August (Constitution Day)', 'Labour Code: holiday on a weekend moves the day off'),
    ('2026-10-25', false, 'HOLIDAY', 'День Республики (воскресенье)', 'Republic Day (Sunday)', 'Law on holidays'),
    ('2026-10-26', false, 'MOVED_DAY_OFF', 'Перенос выходного с 25 октября (День Республики)', 'Day off moved from 25 October (Republic Day)', 'Labour Code: holiday on a weekend moves the day off'),
    ('2026-12-16', false, 'HOLIDAY', 'День Независимости', 'Independence Day', 'Law on holidays')
ON CONFLICT (date) DO NOTHING;
