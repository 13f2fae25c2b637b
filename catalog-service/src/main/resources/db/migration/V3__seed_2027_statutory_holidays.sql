-- Kazakhstan 2027: the fixed-date holidays of the Law "On holidays in the Republic of Kazakhstan" and the Labour Code's
-- rule that a holiday falling on a Saturday or Sunday moves the day off to the next working day (not for religious
-- holidays). Without these rows 1 January 2027 read as a working day, and booking horizons reach January from
-- early December. Not loaded because they are not known in advance: the first day of Kurban Ait (set yearly by the
-- Spiritual Administration of Muslims) and the Government's decree transferring days off for 2027 — admins add them
-- with PUT /api/v1/calendar/days/{date} once published.
INSERT INTO calendar_day (date, working, kind, reason_ru, reason_en, source) VALUES
    ('2027-01-01', false, 'HOLIDAY', 'Новый год', 'New Year', 'Law on holidays'),
    ('2027-01-02', false, 'HOLIDAY', 'Новый год (суббота)', 'New Year (Saturday)', 'Law on holidays'),
    ('2027-01-04', false, 'MOVED_DAY_OFF', 'Перенос выходного со 2 января (Новый год)', 'Day off moved from 2 January (New Year)', 'Labour Code: holiday on a weekend moves the day off'),
    ('2027-01-07', false, 'RELIGIOUS_HOLIDAY', 'Православное Рождество', 'Orthodox Christmas', 'Law on holidays (not moved)'),
    ('2027-03-08', false, 'HOLIDAY', 'Международный женский день', 'International Women''s Day', 'Law on holidays'),
    ('2027-03-21', false, 'HOLIDAY', 'Наурыз мейрамы (воскресенье)', 'Nauryz (Sunday)', 'Law on holidays'),
    ('2027-03-22', false, 'HOLIDAY', 'Наурыз мейрамы', 'Nauryz', 'Law on holidays'),
    ('2027-03-23', false, 'HOLIDAY', 'Наурыз мейрамы', 'Nauryz', 'Law on holidays'),
    ('2027-03-24', false, 'MOVED_DAY_OFF', 'Перенос выходного с 21 марта (Наурыз)', 'Day off moved from 21 March (Nauryz)', 'Labour Code: holiday on a weekend moves the day off'),
    ('2027-05-01', false, 'HOLIDAY', 'Праздник единства народа Казахстана (суббота)', 'Kazakhstan People''s Unity Day (Saturday)', 'Law on holidays'),
    ('2027-05-03', false, 'MOVED_DAY_OFF', 'Перенос выходного с 1 мая', 'Day off moved from 1 May', 'Labour Code: holiday on a weekend moves the day off'),
    ('2027-05-07', false, 'HOLIDAY', 'День защитника Отечества', 'Defender of the Fatherland Day', 'Law on holidays'),
    ('2027-05-09', false, 'HOLIDAY', 'День Победы (воскресенье)', 'Victory Day (Sunday)', 'Law on holidays'),
    ('2027-05-10', false, 'MOVED_DAY_OFF', 'Перенос выходного с 9 мая (День Победы)', 'Day off moved from 9 May (Victory Day)', 'Labour Code: holiday on a weekend moves the day off'),
    ('2027-07-06', false, 'HOLIDAY', 'День столицы', 'Capital Day', 'Law on holidays'),
    ('2027-08-30', false, 'HOLIDAY', 'День Конституции', 'Constitution Day', 'Law on holidays'),
    ('2027-10-25', false, 'HOLIDAY', 'День Республики', 'Republic Day', 'Law on holidays'),
    ('2027-12-16', false, 'HOLIDAY', 'День Независимости', 'Independence Day', 'Law on holidays')
ON CONFLICT (date) DO NOTHING;
