#!/usr/bin/env python3
"""Generates src/main/resources/catalog/2026-01-01.json: a transcription of the 2026 guide
(/work/shared/seeds/000_e92353ba2269028c.txt). Russian texts are the guide's wording; English texts are our
translation. Run: python3 tools/gen_catalog.py (from the module directory). The JSON is the artifact the service
reads; this script only keeps the transcription readable and avoids copy-paste drift between services."""
import json
import os


def t(ru, en):
    return {"ru": ru, "en": en}


ALWAYS = []
BRANCH = [{"kind": "LEGAL_FORM_IN", "values": ["BRANCH", "REPRESENTATIVE_OFFICE"]}]
FAMILY = [{"kind": "APPLICANT_TYPE", "value": "FAMILY_MEMBER"}]
IF_APPLICABLE = [{"kind": "IF_APPLICABLE"}]
B2 = [{"kind": "VISA_CATEGORY_IN", "values": ["B2"]}]
B3 = [{"kind": "VISA_CATEGORY_IN", "values": ["B3"]}]
CHILD_14_18 = [{"kind": "CHILD_AGE_BETWEEN", "min": 14, "max": 18}]
LEGAL_ENTITY = [{"kind": "ENTITY", "value": "LEGAL_ENTITY"}]
INDIVIDUAL = [{"kind": "ENTITY", "value": "INDIVIDUAL"}]

# ---------------------------------------------------------------- documents (codes reused across services)
DOCS = [
    ("state-registration-certificate",
     t("Справка о государственной регистрации юридического лица (Egov.kz)",
       "Certificate of state registration of the legal entity (egov.kz)")),
    ("founders-decision-and-director-order",
     t("Решение акционеров и приказ о назначении первого руководителя юридического лица",
       "Shareholders' decision and order appointing the head of the legal entity")),
    ("general-power-of-attorney",
     t("Генеральная доверенность для представительства или филиала, легализованная / апостилированная",
       "General power of attorney for the representative office or branch, legalised / apostilled")),
    ("representative-power-of-attorney",
     t("Доверенность и копия документа, удостоверяющего личность представителя",
       "Power of attorney and a copy of the representative's identity document")),
    ("invitation-letters",
     t("Письма-приглашения для оформления визы в двух экземплярах",
       "Invitation letters for the visa, in two copies")),
    ("passport", t("Паспорт", "Passport")),
    ("state-duty-payment",
     t("Оригинал платежного документа, подтверждающего уплату государственной пошлины",
       "Original payment document confirming payment of the state duty")),
    ("employment-contract",
     t("Трудовой договор, подписанный обеими сторонами, с указанием должности и периода занятости",
       "Employment contract signed by both parties, stating the position and the period of employment")),
    ("foreign-labour-permit",
     t("Разрешение на привлечение иностранной рабочей силы",
       "Permit to engage foreign labour")),
    ("principal-work-visa",
     t("Действующая рабочая виза (для визы члена семьи)",
       "Valid work visa of the principal (for a family member's visa)")),
    ("principal-investor-visa",
     t("Действующая инвесторская виза (для визы члена семьи)",
       "Valid investor visa of the principal (for a family member's visa)")),
    ("family-relationship-certificate",
     t("Свидетельство о браке / рождении / усыновлении, легализованное / апостилированное (для визы члена семьи)",
       "Marriage / birth / adoption certificate, legalised / apostilled (for a family member's visa)")),
    ("personal-data-consent",
     t("Согласие на обработку персональных данных", "Consent to the processing of personal data")),
    ("visa-petition",
     t("Ходатайство на выдачу визы от юридического лица", "Petition of the legal entity for issuing the visa")),
    ("visa-application-form",
     t("Визовая анкета с цветной либо черно-белой фотографией размером 3,5x4,5 см",
       "Visa application form with a colour or black-and-white photo 3.5x4.5 cm")),
    ("visa-copy", t("Копия визы", "Copy of the visa")),
    ("fingerprint-certificate",
     t("Справка, подтверждающая прохождение дактилоскопии или верификации в текущем году",
       "Certificate confirming fingerprinting or fingerprint verification in the current year")),
    ("arrival-notification", t("Уведомление о прибытии", "Arrival notification")),
    ("enbek-employment-reference",
     t("Справка с места работы с портала Enbek.kz", "Employment reference from the Enbek.kz portal")),
    ("investment-authority-petition",
     t("Ходатайства уполномоченного органа Казахстана по инвестициям",
       "Petition of Kazakhstan's authorised investment body")),
    ("trp-application-form",
     t("Заявление-анкета на выдачу разрешения на временное проживание",
       "Application form for a temporary residence permit")),
    ("iin",
     t("Индивидуальный идентификационный номер иностранного гражданина",
       "Individual identification number (IIN) of the foreign citizen")),
    ("current-trp",
     t("Действующее разрешение на временное проживание", "Current temporary residence permit")),
    ("housing-owner-consent",
     t("Нотариальное согласие от собственника жилья", "Notarised consent of the housing owner")),
    ("medical-insurance",
     t("Копия медицинской страховки (оригинал предоставляется для сверки)",
       "Copy of the medical insurance (the original is shown for verification)")),
    ("family-relationship-certificate-notarised",
     t("Свидетельство о рождении / браке для членов семьи (нотариально заверенная копия)",
       "Birth / marriage certificate for family members (notarised copy)")),
    ("medical-certificate-028",
     t("Медицинская справка формы 028/у", "Medical certificate, form 028/u")),
    ("criminal-record-and-business-ban",
     t("Подтверждение наличия либо отсутствия судимости и запрета на осуществление предпринимательской "
       "деятельности на основании решения суда в государстве гражданской принадлежности",
       "Confirmation of a criminal record or its absence, and of any court ban on business activity, in the "
       "country of citizenship")),
    ("prp-application-form",
     t("Заявление-анкета на выдачу разрешения на постоянное проживание",
       "Application form for a permanent residence permit")),
    ("criminal-record-certificate",
     t("Документ о судимости (отсутствии судимости) в государстве гражданской принадлежности",
       "Certificate of criminal record (or its absence) in the country of citizenship")),
    ("child-consent-permanent-residence",
     t("Нотариально заверенное согласие ребенка в возрасте от 14 до 18 лет на постоянное проживание",
       "Notarised consent to permanent residence of a child aged 14 to 18")),
    ("solvency-or-housing-contract",
     t("Нотариально заверенный договор с физическим или юридическим лицом (для подтверждения платежеспособности "
       "во время пребывания в Республике Казахстан) либо нотариально заверенное заявление физического или "
       "юридического лица о предоставлении заявителю жилья для проживания и постановки на постоянный "
       "регистрационный учет на срок не менее 180 календарных дней",
       "Notarised contract with an individual or legal entity (proving solvency during the stay in the Republic "
       "of Kazakhstan), or a notarised statement of an individual or legal entity providing the applicant with "
       "housing and permanent registration for at least 180 calendar days")),
    ("medical-certificate-028-short", t("Справка формы 028/у", "Certificate, form 028/u")),
    ("photo", t("Фотография размером 3,5 × 4,5 см", "Photo 3.5 × 4.5 cm")),
    ("service-contract-b2",
     t("Договор на оказание консультационных, аудиторских или монтажных работ для категории «В2»",
       "Contract for consulting, audit or installation work (category B2)")),
    ("founder-or-board-confirmation-b3",
     t("Подтверждение о вхождении в состав учредителей или совета директоров для категории «В3»",
       "Confirmation of membership among the founders or the board of directors (category B3)")),
    ("akimat-petition",
     t("Ходатайство от Акимата по месту регистрации компании",
       "Petition of the Akimat at the place of the company's registration")),
    ("visa-cancellation-petition",
     t("Ходатайство на аннулирование визы от юридического лица",
       "Petition of the legal entity for cancelling the visa")),
    ("current-visa-copy", t("Копия действующей визы", "Copy of the current visa")),
    ("employment-termination-order",
     t("Приказ о расторжении трудового договора", "Order terminating the employment contract")),
    ("visa-cancellation-exit-petition",
     t("Ходатайство на аннулирование действующей визы и оформление выездной визы от юридического лица",
       "Petition of the legal entity for cancelling the current visa and issuing an exit visa")),
    ("residence-address",
     t("Адрес проживания иностранного гражданина в Казахстане",
       "The foreign citizen's residential address in Kazakhstan")),
    ("passport-data-page-translation",
     t("Паспорт, содержащий страницу с личными данными, по которому был осуществлён въезд в Казахстан "
       "(с переводом на казахский или русский язык)",
       "Passport used to enter Kazakhstan, with the personal-data page (with a translation into Kazakh or "
       "Russian)")),
    ("tax-residency-application",
     t("Налоговое заявление о подтверждении резидентства", "Tax application for confirmation of residency")),
    ("effective-management-proof",
     t("Нотариально засвидетельствованная копия документа, подтверждающая наличие в Казахстане места "
       "эффективного управления юридического лица (протокола общего собрания совета директоров или аналогичного "
       "органа с указанием места его проведения или иных документов, подтверждающих место основного управления и "
       "(или) контроля, а также принятия стратегических коммерческих решений, необходимых для проведения "
       "предпринимательской деятельности юридического лица) – иностранными юридическими лицами, являющиеся "
       "резидентами на основании того, что его место эффективного управления находится в Казахстане",
       "Notarised copy of a document proving that the legal entity's place of effective management is in "
       "Kazakhstan (minutes of the general meeting of the board of directors or a similar body stating where it "
       "was held, or other documents proving the place of main management and/or control and of the strategic "
       "commercial decisions needed for the entity's business) – for foreign legal entities resident because "
       "their place of effective management is in Kazakhstan")),
    ("passport-and-stay-proof-notarised",
     t("Нотариально засвидетельствованная копия заграничного паспорта или удостоверения лица без гражданства, "
       "документа, подтверждающего период пребывания в Казахстане (визы или иных документов) вида на жительство "
       "в Казахстане (при его наличии) – иностранцами и лицами без гражданства, являющиеся резидентами",
       "Notarised copy of the foreign passport or stateless person's certificate, of a document proving the "
       "period of stay in Kazakhstan (visa or other documents), and of the Kazakhstan residence permit (if any) "
       "– for resident foreigners and stateless persons")),
    ("pki-application",
     t("Заявка, сформированная на портале pki.gov.kz", "Application generated on the pki.gov.kz portal")),
    ("director-appointment-order",
     t("Приказ о назначении первого руководителя", "Order appointing the head of the legal entity")),
    ("iin-short", t("Индивидуальный идентификационный номер (ИИН)", "Individual identification number (IIN)")),
]


# Documents that prove a payment, and which fee they prove (fee-service names them where the guide publishes no
# amount: the checklist still asks for the receipt).
PAYMENT_DOCS = {"state-duty-payment": "STATE_DUTY"}


def req(doc, delivery="UPLOAD", conditions=ALWAYS, notarised=False, legalised=False, title=None, note=None):
    r = {"document": doc, "delivery": delivery, "notarised": notarised, "legalised": legalised,
         "conditions": conditions}
    if title:
        r["title"] = title
    if note:
        r["note"] = note
    return r


PASSPORT_3M_NOTE = t("Паспорт должен быть действителен не менее чем в течение 3 месяцев после истечения срока "
                     "действия визы и содержать как минимум 2 чистые страницы",
                     "The passport must be valid for at least 3 months after the visa expires and have at least "
                     "2 blank pages")
FOUNDERS_NOTE = t("Оригиналы документов, либо нотариально заверенная копия/ копия документов с печатью и подписью "
                  "руководителя или сотрудника компании",
                  "Originals, or a notarised copy, or a copy bearing the seal and signature of the head or an "
                  "employee of the company")

COMPANY_BLOCK = [
    req("state-registration-certificate"),
    req("founders-decision-and-director-order", "UPLOAD_AND_ORIGINAL", note=FOUNDERS_NOTE),
    req("general-power-of-attorney", conditions=BRANCH, legalised=True),
    req("representative-power-of-attorney"),
]
PASSPORT_COPY = req("passport", title=t("Копия паспорта", "Copy of the passport"), note=PASSPORT_3M_NOTE)
PASSPORT_ORIGINAL = req("passport", "UPLOAD_AND_ORIGINAL", note=PASSPORT_3M_NOTE)
PASSPORT_OR_NOTARISED = req("passport", "UPLOAD_AND_ORIGINAL",
                            title=t("Оригинал паспорта либо нотариально заверенная копия",
                                    "Original passport or a notarised copy"))
DUTY = req("state-duty-payment", "UPLOAD_AND_ORIGINAL")
CONSENT = req("personal-data-consent")
FAMILY_CERT = req("family-relationship-certificate", conditions=FAMILY, legalised=True)
VISA_COPY = req("visa-copy", conditions=IF_APPLICABLE)
FINGERPRINT = req("fingerprint-certificate", "UPLOAD_AND_ORIGINAL")
ARRIVAL = req("arrival-notification")

# ---------------------------------------------------------------- shared rules and notes
RULES = [
    {"code": "passport-validity-visa", "kind": "PASSPORT_VALIDITY",
     "params": {"minMonthsAfterVisaExpiry": 3, "minBlankPages": 2}, "text": PASSPORT_3M_NOTE},
    {"code": "passport-validity-permanent-residence", "kind": "PASSPORT_VALIDITY",
     "params": {"minDaysValidOnSubmission": 180},
     "text": t("Срок действия паспорта на день подачи заявления свыше 180 календарных дней",
               "The passport must be valid for more than 180 calendar days on the day of application")},
    {"code": "extension-window", "kind": "EXTENSION_WINDOW",
     "params": {"fromWorkingDaysBeforeExpiry": 30, "toWorkingDaysBeforeExpiry": 5},
     "text": t("Подать заявление можно от 30 до 5 рабочих дней до окончания текущей визы. Заявления, поданные вне "
               "этих сроков, не рассматриваются.",
               "The application may be filed from 30 to 5 working days before the current visa expires. "
               "Applications filed outside this window are not considered.")},
    {"code": "same-host", "kind": "SAME_HOST", "params": {},
     "text": t("Продление возможно только при сохранении прежней принимающей стороны. В случае её смены требуется "
               "подача нового заявления на получение визы. Перечень необходимых документов при этом остаётся "
               "одинаковым.",
               "An extension is possible only with the same host. If the host changes, a new visa application "
               "is required; the list of required documents stays the same.")},
    {"code": "trp-citizenship-stay", "kind": "CITIZENSHIP_STAY",
     "params": {"CIS": {"minStayCalendarDays": 30}, "EAEU": {"minStayCalendarDays": 90},
                "mustBeInKazakhstan": True},
     "text": t("Услуга доступна только для граждан стран СНГ, которые планируют находиться в стране более 30 "
               "календарных дней, и граждан стран ЕАЭС, которые планируют находиться в стране более 90 календарных "
               "дней, находящихся на территории Казахстана. Разрешение на временное проживание заменяет визу "
               "соответствующей категории.",
               "Available only to citizens of CIS countries planning to stay more than 30 calendar days and of "
               "EAEU countries planning to stay more than 90 calendar days, who are in Kazakhstan. The temporary "
               "residence permit replaces a visa of the corresponding category.")},
    {"code": "in-demand-profession", "kind": "IN_DEMAND_PROFESSION", "params": {},
     "text": t("Для иностранных граждан, соответствующих требованиям перечня востребованных профессий.",
               "For foreign citizens meeting the requirements of the list of in-demand professions.")},
    {"code": "bi-trp-after-company", "kind": "PRECONDITION",
     "params": {"requires": "trp-business-immigrant-primary"},
     "text": t("Продление возможно после регистрации юридического лица либо приобретения доли в действующем "
               "бизнесе.",
               "The extension is possible after registering a legal entity or acquiring a share in an existing "
               "business.")},
    {"code": "c5-after-company", "kind": "PRECONDITION", "params": {"visaCategory": "C5"},
     "text": t("Однократная виза бизнес-иммигранта категории С5 продлевается на многократную после регистрации "
               "юридического лица.",
               "A single-entry C5 business-immigrant visa is extended to a multi-entry one after a legal entity "
               "has been registered.")},
    {"code": "iin-personal-presence", "kind": "PERSONAL_PRESENCE", "params": {},
     "text": t("Личное присутствие иностранного гражданина обязательно для получения индивидуального "
               "идентификационного номера.",
               "The foreign citizen must be present in person to obtain an individual identification number.")},
    {"code": "eds-mobile-citizens", "kind": "PRECONDITION", "params": {"registry": "MOBILE_CITIZENS"},
     "text": t("Перед обращением в ЭЦ обязательно убедитесь, что заявитель зарегистрирован в базе мобильных "
               "граждан.",
               "Before visiting the Expat Centre make sure the applicant is registered in the mobile-citizens "
               "database.")},
    {"code": "eds-online-application", "kind": "PERSONAL_PRESENCE", "params": {"purpose": "ACTIVATION"},
     "text": t("Заявка создаётся на портале Национального удостоверяющего центра (pki.gov.kz): для физического лица "
               "— ИИН, для юридического лица — БИН и ИИН первого руководителя; указывается место сохранения ключей "
               "ЭЦП. После завершения онлайн-заявки потребуется личное обращение в ЭЦ исключительно для активации "
               "ЭЦП.",
               "The application is created on the National Certification Authority portal (pki.gov.kz): an "
               "individual gives the IIN, a legal entity the BIN and the IIN of its head; the place to store the "
               "EDS keys is chosen. After the online application a personal visit to the Expat Centre is needed "
               "only to activate the EDS.")},
    {"code": "fingerprint-fee-waiver", "kind": "FEE_WAIVER",
     "params": {"waivedWhenServiceFeePaidFor": ["work-visa-invitation", "work-visa-issuance", "work-visa-extension",
                                                "investor-visa-invitation", "investor-visa-issuance",
                                                "investor-visa-extension", "trp-employment",
                                                "trp-business-immigrant-primary",
                                                "trp-business-immigrant-extension"]},
     "text": t("Дактилоскопия при оформлении рабочей, инвесторской визы или разрешения на временное проживание "
               "проводится бесплатно, если заранее оплачен сервисный сбор за соответствующую визу или разрешение на "
               "временное проживание.",
               "Fingerprinting for a work visa, investor visa or temporary residence permit is free of charge if "
               "the service fee for that visa or permit has been paid in advance.")},
    {"code": "fingerprint-verification", "kind": "FINGERPRINT_VERIFICATION", "params": {},
     "text": t("При повторной подаче заявления на визу или разрешение на временное пребывание необходимо пройти "
               "процедуру верификации отпечатков.",
               "When applying again for a visa or a temporary stay permit, fingerprint verification is required.")},
    {"code": "exit-visa-departure", "kind": "EXIT_DEADLINE", "params": {"maxWorkingDays": 15},
     "text": t("После аннулирования действующей визы выездная виза будет выдана на срок до 15 рабочих дней. Владелец "
               "визы должен покинуть Казахстан в пределах срока действия визы.",
               "After the current visa is cancelled, an exit visa is issued for up to 15 working days. The holder "
               "must leave Kazakhstan within the exit visa's validity.")},
]

# The guide's investor-visa issuance list says "verification in 2025" where every other service (and the same
# certificate everywhere else) says "in the current year": a slip left over from the 2025 guide, not a rule. The
# current-year rule is transcribed and the catalogue says so, on the requirement and as a note of the service.
FINGERPRINT_YEAR_SLIP = t("В руководстве для этой услуги указано «в 2025 году», во всех остальных услугах — «в "
                          "текущем году»; применяется правило текущего года.",
                          "The guide says \"in 2025\" for this service and \"in the current year\" for every "
                          "other service; the current-year rule applies.")

NOTES = [
    {"code": "state-body-delay", "delayCalendarDays": 30,
     "text": t("Срок оформления услуги не включает возможные непредвиденные задержки со стороны государственных "
               "органов и, при необходимости, может быть продлён до 30 календарных дней.",
               "The processing time does not include possible unforeseen delays at state bodies and may, if "
               "necessary, be extended up to 30 calendar days.")},
    {"code": "extension-plan-ahead",
     "text": t("Рекомендуем заблаговременно планировать подачу заявления, чтобы избежать отказа и возможных "
               "штрафов за нарушение миграционного режима.",
               "Plan the application in good time to avoid a refusal and possible fines for breaching the "
               "migration regime.")},
    {"code": "personal-manager",
     "text": t("Полная информация и консультационная поддержка по процедуре подачи заявки, подаче документов и "
               "доставке через персонального менеджера.",
               "Full information and advisory support on the application procedure, submission of documents and "
               "delivery through a personal manager.")},
    {"code": "personal-manager-eds",
     "text": t("Полная поддержка по процедуре подачи заявки, подаче документов и получению электронной цифровой "
               "подписи через персонального менеджера.",
               "Full support on the application procedure, submission of documents and obtaining the electronic "
               "digital signature through a personal manager.")},
    {"code": "priority-service",
     "text": t("Опция «Priority Service» относится к сервису приоритетной подачи документов и оплачивается "
               "отдельно, в дополнение к установленному сервисному сбору.",
               "The Priority Service option is priority submission of documents and is paid separately, in "
               "addition to the standard service fee.")},
    {"code": "bi-primary-place",
     "text": t("Первичное РВП выдается на физическое лицо, а также подается по месту регистрации собственника "
               "жилья.",
               "The primary temporary residence permit is issued to the individual and is applied for at the place "
               "of registration of the housing owner.")},
    {"code": "cancellation-effect",
     "text": t("Как только аннулирование будет принято, деловая/рабочая виза, в том числе виза члена семьи, будет "
               "аннулирована. После этого въезд в Казахстан по аннулированной визе невозможен.",
               "Once the cancellation is accepted, the business/work visa, including a family member's visa, is "
               "cancelled. Entering Kazakhstan on the cancelled visa is then impossible.")},
    {"code": "arrival-notification-eds",
     "text": t("Уведомление подаётся с использованием ЭЦП юридического лица.",
               "The notification is filed using the legal entity's electronic digital signature.")},
    {"code": "fingerprint-current-year", "text": FINGERPRINT_YEAR_SLIP},
    {"code": "fingerprint-result",
     "text": t("По завершении процедуры заявителю выдается справка, подтверждающая факт сдачи отпечатков пальцев.",
               "After the procedure the applicant receives a certificate confirming that fingerprints were taken.")},
]

PROCESSES = {}


def portal_process(code, request_ru, request_en):
    PROCESSES[code] = {"code": code, "steps": [
        t("Загрузить документы через Портал МФЦА.", "Upload the documents through the AIFC Portal."),
        t("Войти в портал и выбрать «Подать новое заявление». Заполнить запрос на услугу «%s» с точными данными и "
          "отправить его после загрузки необходимых документов." % request_ru,
          "Log in to the portal and choose \"Submit a new application\". Fill in the \"%s\" service request with "
          "accurate data and submit it after uploading the required documents." % request_en),
        t("После того как документы будут одобрены Экспат центром, можно записаться на прием через портал. Для "
          "подачи документов необходимо посетить офис Экспат центра.",
          "Once the Expat Centre has approved the documents, book an appointment through the portal. Documents are "
          "submitted in person at the Expat Centre office."),
    ]}
    return code


portal_process("portal-invitation", "Оформление приглашения", "Invitation")
portal_process("portal-visa", "Получение визы", "Visa issuance")
portal_process("portal-trp", "Разрешение на временное проживание", "Temporary residence permit")
portal_process("portal-cancellation", "Аннулирование визы", "Visa cancellation")
PROCESSES["portal-other"] = {"code": "portal-other", "steps": [
    t("Загрузить документы через Портал МФЦА.", "Upload the documents through the AIFC Portal."),
    t("Войти в портал и выбрать «Подать новое заявление». Заполнить запрос на услугу с точными данными и отправить "
      "его после загрузки необходимых документов.",
      "Log in to the portal and choose \"Submit a new application\". Fill in the service request with accurate data "
      "and submit it after uploading the required documents."),
    t("После того как документы будут одобрены Экспат центром, можно записаться на прием через портал. Для подачи "
      "документов необходимо посетить офис Экспат центра.",
      "Once the Expat Centre has approved the documents, book an appointment through the portal. Documents are "
      "submitted in person at the Expat Centre office."),
]}

EMBASSY_STEP = {"order": 2, "place": "EMBASSY", "informational": True,
                "title": t("Шаг 2 в Посольстве Казахстана", "Step 2 at the Embassy of Kazakhstan"),
                "items": [
                    t("Согласованное приглашение (Шаг 1)", "The approved invitation (Step 1)"),
                    t("Визовая анкета с цветной либо черно-белой фотографией размером 3,5х4,5 см",
                      "Visa application form with a colour or black-and-white photo 3.5x4.5 cm"),
                    t("Паспорт (Паспорт должен быть действителен не менее чем в течение 3 месяцев после истечения "
                      "срока действия визы и содержать как минимум 2 чистые страницы)",
                      "Passport (valid for at least 3 months after the visa expires, with at least 2 blank pages)"),
                    t("Информацию о консульских сборах, а также о дополнительных документах можно получить, "
                      "обратившись в Посольство Республики Казахстан.",
                      "Information on consular fees and any additional documents is available from the Embassy of "
                      "the Republic of Kazakhstan."),
                ]}


def centre_step(ru="Шаг 1 в Экспат центре", en="Step 1 at the Expat Centre"):
    return {"order": 1, "place": "EXPAT_CENTRE", "informational": False, "title": t(ru, en)}


def fees(service_fees, duty=None, pm=None, priority=None, time=None):
    f = {"serviceFees": [{"variant": v, "title": title, "amount": "%d.00" % a} for v, title, a in service_fees]}
    if pm is not None:
        f["personalManagerFee"] = "%d.00" % pm
    if priority is not None:
        f["priorityFee"] = "%d.00" % priority
    if duty is not None:
        f["stateDutyMrp"] = duty
    f["processingTime"] = time
    return f


def wd(n, m=None):
    if m is None:
        return {"kind": "WORKING_DAYS", "min": n, "max": n}
    return {"kind": "WORKING_DAYS_RANGE", "min": n, "max": m}


def minutes(n, m):
    return {"kind": "MINUTES", "min": n, "max": m}


STD = "STANDARD"
UP_TO_2Y = {"max": 2, "unit": "YEARS", "text": t("До 2 лет", "Up to 2 years")}

GROUPS = [
    ("WORK_VISA", t("Рабочая виза", "Work visa")),
    ("INVESTOR_VISA", t("Инвестиционная виза", "Investor visa")),
    ("TEMPORARY_RESIDENCE", t("Разрешение на временное проживание", "Temporary residence permit")),
    ("PERMANENT_RESIDENCE", t("Разрешение на постоянное проживание", "Permanent residence permit")),
    ("SHORT_TERM_BUSINESS_VISA", t("Краткосрочная деловая виза", "Short-term business visa")),
    ("LONG_TERM_BUSINESS_VISA", t("Долгосрочная деловая виза", "Long-term business visa")),
    ("VISA_CANCELLATION", t("Аннулирование визы", "Visa cancellation")),
    ("OTHER_MIGRATION_AND_TAX", t("Другие миграционные и налоговые услуги", "Other migration and tax services")),
]

S = []


def service(code, group, title, description, categories, family, process=None, steps=None, validity=None,
            rules=(), notes=(), documents=None, documents_from=None, fee=None):
    s = {"code": code, "group": group, "order": len(S) + 1, "title": title, "description": description,
         "visaCategories": categories, "familyMembers": family, "rules": list(rules), "notes": list(notes)}
    if process:
        s["applicationProcess"] = process
    s["steps"] = steps or []
    if validity:
        s["validity"] = validity
    if documents is not None:
        s["documents"] = documents
    if documents_from:
        s["documentsFrom"] = documents_from
    if fee:
        s["fees"] = fee
    S.append(s)


EXT_DESC_RU = ("Данная услуга предназначена для продления действующей визы. Подать заявление можно от 30 до 5 "
               "рабочих дней до окончания текущей визы. Заявления, поданные вне этих сроков, не рассматриваются.")
EXT_DESC_EN = ("This service extends a current visa. The application may be filed from 30 to 5 working days before "
               "the current visa expires; applications filed outside this window are not considered.")
EXT_RULES = ["extension-window", "same-host", "passport-validity-visa"]
EXT_NOTES = ["extension-plan-ahead"]

# ---------------------------------------------------------------- WORK VISA
service("work-visa-invitation", "WORK_VISA",
        t("Письмо-приглашение для получения рабочей визы за пределами Казахстана",
          "Invitation letter for a work visa (applicant outside Kazakhstan)"),
        t("Данная услуга позволяет оформить приглашение (Шаг 1), необходимое для получения рабочей визы для "
          "привлекаемого иностранного работника и членов его семьи, находящихся за пределами Республики Казахстан. "
          "После согласования приглашения его необходимо направить иностранному гражданину для дальнейшего "
          "использования при получении визы в посольстве Республики Казахстан (Шаг 2).",
          "This service issues the invitation (Step 1) needed to obtain a work visa for an engaged foreign employee "
          "and family members who are outside the Republic of Kazakhstan. Once approved, the invitation is sent to "
          "the foreign citizen to obtain the visa at an Embassy of the Republic of Kazakhstan (Step 2)."),
        ["C3"], True, "portal-invitation", [centre_step(), EMBASSY_STEP], UP_TO_2Y,
        ["passport-validity-visa"], ["state-body-delay"],
        COMPANY_BLOCK + [
            req("invitation-letters", title=t("Письма-приглашения для оформления визы в 2-х экземплярах",
                                              "Invitation letters for the visa, in 2 copies")),
            PASSPORT_COPY, DUTY,
            req("employment-contract"),
            req("foreign-labour-permit", conditions=IF_APPLICABLE),
            req("principal-work-visa", conditions=FAMILY),
            FAMILY_CERT, CONSENT],
        fee=fees([(STD, t("Оформление письма-приглашения для рабочей визы категории «С3», а также для визы члена "
                          "семьи, до 2 лет",
                          "Invitation letter for a C3 work visa, also for a family member's visa, up to 2 years"),
                   730000)], duty="0.5", time=wd(5)))

WORK_ISSUANCE_DOCS = COMPANY_BLOCK + [
    req("visa-petition"), PASSPORT_ORIGINAL, req("visa-application-form"), VISA_COPY, FINGERPRINT, ARRIVAL,
    req("employment-contract"), req("foreign-labour-permit", conditions=IF_APPLICABLE),
    req("enbek-employment-reference"), DUTY, req("principal-work-visa", conditions=FAMILY), FAMILY_CERT, CONSENT]
service("work-visa-issuance", "WORK_VISA",
        t("Получение рабочей визы на территории Казахстана", "Work visa issuance in Kazakhstan"),
        t("Услуга предназначена для подачи заявки на оформление рабочей визы для привлекаемого иностранного "
          "работника и членов его семьи через ЭЦ, при условии их прибытия на территорию Республики Казахстан.",
          "This service applies through the Expat Centre for a work visa for an engaged foreign employee and family "
          "members, provided they have arrived in the Republic of Kazakhstan."),
        ["C3"], True, "portal-visa", [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")],
        UP_TO_2Y, ["passport-validity-visa"], ["state-body-delay"], WORK_ISSUANCE_DOCS,
        fee=fees([(STD, t("Оформление рабочей визы категории «С3», а также для визы члена семьи, до 2 лет",
                          "C3 work visa, also a family member's visa, up to 2 years"), 730000)],
                 duty="30", time=wd(5)))
service("work-visa-extension", "WORK_VISA", t("Продление рабочей визы", "Work visa extension"),
        t(EXT_DESC_RU, EXT_DESC_EN), ["C3"], True, "portal-visa",
        [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")], None, EXT_RULES, EXT_NOTES,
        documents_from="work-visa-issuance")

# ---------------------------------------------------------------- INVESTOR VISA
service("investor-visa-invitation", "INVESTOR_VISA",
        t("Письмо-приглашение для получения инвестиционной визы за пределами Казахстана",
          "Invitation letter for an investor visa (applicant outside Kazakhstan)"),
        t("Данная услуга позволяет оформить приглашение (Шаг 1), необходимое для получения инвестиционной визы за "
          "пределами Казахстана. Виза выдается инвестору и члену его семьи. После согласования приглашения его "
          "необходимо направить иностранному гражданину для дальнейшего использования при получении визы в "
          "посольстве Республики Казахстан (Шаг 2).",
          "This service issues the invitation (Step 1) needed to obtain an investor visa outside Kazakhstan. The "
          "visa is issued to the investor and family members. Once approved, the invitation is sent to the foreign "
          "citizen to obtain the visa at an Embassy of the Republic of Kazakhstan (Step 2)."),
        ["A5"], True, "portal-invitation", [centre_step(), EMBASSY_STEP], UP_TO_2Y,
        ["passport-validity-visa"], ["state-body-delay"],
        COMPANY_BLOCK + [req("invitation-letters"), PASSPORT_COPY, req("investment-authority-petition"),
                         req("principal-investor-visa", conditions=FAMILY), FAMILY_CERT, CONSENT],
        fee=fees([(STD, t("Оформление письма-приглашения (для инвесторской визы категории «А5», а также для визы "
                          "члена семьи), до 2 лет",
                          "Invitation letter (for an A5 investor visa, also a family member's visa), up to 2 years"),
                   730000)], time=wd(5)))
service("investor-visa-issuance", "INVESTOR_VISA",
        t("Получение инвесторской визы на территории Казахстана", "Investor visa issuance in Kazakhstan"),
        t("Услуга предназначена для подачи заявки на оформление инвесторской визы для иностранного инвестора и "
          "членов его семьи через ЭЦ, при условии их прибытия на территорию Республики Казахстан.",
          "This service applies through the Expat Centre for an investor visa for a foreign investor and family "
          "members, provided they have arrived in the Republic of Kazakhstan."),
        ["A5"], True, "portal-visa", [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")],
        UP_TO_2Y, ["passport-validity-visa"], ["state-body-delay", "fingerprint-current-year"],
        COMPANY_BLOCK + [req("investment-authority-petition"), PASSPORT_ORIGINAL, req("visa-application-form"),
                         VISA_COPY,
                         req("fingerprint-certificate", "UPLOAD_AND_ORIGINAL",
                             title=t("Оригинал справки, подтверждающей сдачу дактилоскопии / прохождение "
                                     "верификации в текущем году",
                                     "Original certificate confirming fingerprinting / verification in the "
                                     "current year"),
                             note=FINGERPRINT_YEAR_SLIP),
                         ARRIVAL, req("principal-investor-visa", conditions=FAMILY), FAMILY_CERT, CONSENT],
        fee=fees([(STD, t("Оформление инвесторской визы категории «А5», а также для визы члена семьи, до 2 лет",
                          "A5 investor visa, also a family member's visa, up to 2 years"), 730000)], time=wd(5)))
service("investor-visa-extension", "INVESTOR_VISA", t("Продление инвесторской визы", "Investor visa extension"),
        t(EXT_DESC_RU, EXT_DESC_EN), ["A5"], True, "portal-visa",
        [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")], None, EXT_RULES,
        EXT_NOTES + ["fingerprint-current-year"], documents_from="investor-visa-issuance")

# ---------------------------------------------------------------- TEMPORARY RESIDENCE
service("trp-employment", "TEMPORARY_RESIDENCE",
        t("Разрешение на временное проживание для осуществления трудовой деятельности",
          "Temporary residence permit for employment"),
        t("Оформление / продление разрешения на временное проживание для осуществления трудовой деятельности, а "
          "также для членов семьи. Разрешение на временное проживание заменяет визу соответствующей категории.",
          "Issuance / extension of a temporary residence permit for employment, also for family members. The "
          "temporary residence permit replaces a visa of the corresponding category."),
        [], True, "portal-trp", [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")], None,
        ["trp-citizenship-stay"], [],
        COMPANY_BLOCK + [req("trp-application-form"), PASSPORT_OR_NOTARISED, req("iin"),
                         req("current-trp", conditions=IF_APPLICABLE),
                         req("housing-owner-consent", notarised=True), ARRIVAL, FINGERPRINT,
                         req("medical-insurance", "UPLOAD_AND_ORIGINAL"),
                         req("employment-contract",
                             title=t("Трудовой договор, подписанный обеими сторонами, с указанием должности и "
                                     "периода занятости заявителя",
                                     "Employment contract signed by both parties, stating the applicant's position "
                                     "and period of employment")),
                         req("enbek-employment-reference"), CONSENT,
                         req("family-relationship-certificate-notarised", conditions=FAMILY, notarised=True)],
        fee=fees([("EMPLOYEE", t("Для сотрудника", "For an employee"), 240000),
                  ("EXPERT", t("Для эксперта", "For an expert"), 200000)], time=wd(1)))

BI_COMMON = [req("trp-application-form"), PASSPORT_OR_NOTARISED, req("iin"),
             req("housing-owner-consent", notarised=True), ARRIVAL, FINGERPRINT, req("medical-certificate-028"),
             req("medical-insurance", "UPLOAD_AND_ORIGINAL"), req("criminal-record-and-business-ban"), CONSENT]
BI_DESC = t("Разрешение на временное проживание (РВП) со статусом бизнес-иммигранта. На первом этапе (Шаг 1) "
            "осуществляется въезд в Республику Казахстан и получение первичного РВП сроком до 90 календарных дней. "
            "Далее необходимо зарегистрировать юридическое лицо либо приобрести долю в действующем бизнесе. После "
            "выполнения этих требований предоставляется возможность продления РВП (Шаг 2) на срок до 12 месяцев.",
            "Temporary residence permit (TRP) with business-immigrant status. In Step 1 the applicant enters the "
            "Republic of Kazakhstan and obtains a primary TRP for up to 90 calendar days, then registers a legal "
            "entity or acquires a share in an existing business. After that the TRP can be extended (Step 2) for "
            "up to 12 months.")
BI_FEE = fees([("BUSINESS_IMMIGRANT", t("Бизнес-иммигрант", "Business immigrant"), 240000)], time=wd(1))
service("trp-business-immigrant-primary", "TEMPORARY_RESIDENCE",
        t("РВП для бизнес-иммигрантов: Шаг 1 — получение первичного РВП (до 90 дней)",
          "TRP for business immigrants: Step 1 — primary TRP (up to 90 days)"),
        BI_DESC, [], False, "portal-trp",
        [centre_step("Шаг 1 получение первичного РВП", "Step 1: primary TRP")],
        {"max": 90, "unit": "CALENDAR_DAYS", "text": t("До 90 календарных дней", "Up to 90 calendar days")},
        ["trp-citizenship-stay"], ["bi-primary-place"], BI_COMMON, fee=BI_FEE)
service("trp-business-immigrant-extension", "TEMPORARY_RESIDENCE",
        t("РВП для бизнес-иммигрантов: Шаг 2 — продление РВП (до 12 месяцев)",
          "TRP for business immigrants: Step 2 — extension (up to 12 months)"),
        BI_DESC, [], False, "portal-trp",
        [{"order": 2, "place": "EXPAT_CENTRE", "informational": False,
          "title": t("Шаг 2 продление РВП со статусом бизнес-иммигрант",
                     "Step 2: extension of the business-immigrant TRP")}],
        {"max": 12, "unit": "MONTHS", "text": t("До 12 месяцев", "Up to 12 months")},
        ["trp-citizenship-stay", "bi-trp-after-company"], [],
        [req("state-registration-certificate"), req("representative-power-of-attorney")] + BI_COMMON, fee=BI_FEE)

# ---------------------------------------------------------------- PERMANENT RESIDENCE
service("permanent-residence", "PERMANENT_RESIDENCE",
        t("Разрешение на постоянное проживание", "Permanent residence permit"),
        t("Данная услуга предназначена для оформления разрешения на постоянное проживание (РПП) для иностранных "
          "граждан, соответствующих требованиям перечня востребованных профессий. РПП представляет собой бумажный "
          "документ, подтверждающий право на постоянное проживание в Республике Казахстан. Оформление РПП является "
          "обязательным этапом (Шаг 1) перед подачей заявления на получение вида на жительство (Шаг 2).",
          "This service obtains a permanent residence permit (PRP) for foreign citizens meeting the requirements of "
          "the list of in-demand professions. The PRP is a paper document confirming the right of permanent "
          "residence in the Republic of Kazakhstan. Obtaining it is a mandatory step (Step 1) before applying for a "
          "residence card (Step 2)."),
        [], True, None, [centre_step("Шаг 1: получение РПП в Экспат центре", "Step 1: PRP at the Expat Centre"),
                         {"order": 2, "place": "STATE_BODY", "informational": True,
                          "title": t("Шаг 2: заявление на получение вида на жительство",
                                     "Step 2: application for a residence card")}],
        None, ["in-demand-profession", "passport-validity-permanent-residence"], [],
        [req("prp-application-form"),
         req("passport", "UPLOAD_AND_ORIGINAL",
             title=t("Оригинал паспорта либо нотариально заверенная копия, срок действия, которых на день подачи "
                     "заявления свыше 180 календарных дней",
                     "Original passport or a notarised copy, valid for more than 180 calendar days on the day of "
                     "application")),
         req("iin"), req("criminal-record-certificate"),
         req("child-consent-permanent-residence", conditions=CHILD_14_18, notarised=True),
         req("solvency-or-housing-contract", notarised=True), req("medical-certificate-028-short"), req("photo"),
         DUTY, FINGERPRINT, CONSENT],
        fee=fees([(STD, t("Получение Разрешения на постоянное проживание", "Permanent residence permit"), 480000)],
                 duty="4", time=wd(45)))

# ---------------------------------------------------------------- SHORT-TERM BUSINESS VISA
service("short-business-visa-invitation", "SHORT_TERM_BUSINESS_VISA",
        t("Письмо-приглашение для получения однократной деловой визы за пределами Казахстана",
          "Invitation letter for a single-entry business visa (applicant outside Kazakhstan)"),
        t("Данная услуга предназначена для оформления приглашения (Шаг 1), необходимого для получения однократной "
          "деловой визы. Приглашение оформляется иностранным гражданам, прибывающим в Казахстан по деловым целям: "
          "участие в мероприятиях, переговорах, подписание контрактов, а также бизнес-иммигрантам. После "
          "согласования приглашения его необходимо направить иностранному гражданину для дальнейшего использования "
          "при получении визы в посольстве Республики Казахстан (Шаг 2).",
          "This service issues the invitation (Step 1) needed for a single-entry business visa, for foreign citizens "
          "coming to Kazakhstan on business — events, negotiations, signing contracts — and for business "
          "immigrants. Once approved, the invitation is sent to the foreign citizen to obtain the visa at an "
          "Embassy of the Republic of Kazakhstan (Step 2)."),
        ["B1", "B2", "B3", "C5"], False, "portal-invitation", [centre_step(), EMBASSY_STEP], None,
        ["passport-validity-visa"], ["state-body-delay", "personal-manager"],
        COMPANY_BLOCK + [req("invitation-letters"), PASSPORT_COPY, DUTY, CONSENT],
        fee=fees([(STD, t("Оформление письма-приглашения для однократной деловой визы (В1/В2/В3/С5)",
                          "Invitation letter for a single-entry business visa (B1/B2/B3/C5)"), 40000)],
                 duty="0.5", pm=270000, time=wd(5)))
service("short-business-visa-extension", "SHORT_TERM_BUSINESS_VISA",
        t("Продление однократной деловой визы", "Single-entry business visa extension"),
        t(EXT_DESC_RU, EXT_DESC_EN), ["B1", "B2", "B3", "C5"], False, "portal-visa",
        [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")], None, EXT_RULES, EXT_NOTES,
        documents_from="long-business-visa-issuance")

# ---------------------------------------------------------------- LONG-TERM BUSINESS VISA
service("long-business-visa-invitation", "LONG_TERM_BUSINESS_VISA",
        t("Письмо-приглашение для получения многократной деловой визы за пределами Казахстана",
          "Invitation letter for a multi-entry business visa (applicant outside Kazakhstan)"),
        t("Данная услуга позволяет оформить приглашение (Шаг 1), необходимое для получения многократной деловой "
          "визы иностранным гражданам, находящимися за пределами Казахстана. Приглашение выдается иностранным "
          "гражданам, прибывающим в Казахстан с деловыми целями, такими как монтаж, ремонт и обслуживание "
          "оборудования, оказание консультационных и аудиторских услуг, а также для учредителей и членов совета "
          "директоров. После согласования приглашения его необходимо направить иностранному гражданину для "
          "дальнейшего использования при получении визы в посольстве Республики Казахстан (Шаг 2).",
          "This service issues the invitation (Step 1) needed for a multi-entry business visa for foreign citizens "
          "outside Kazakhstan coming on business such as installation, repair and maintenance of equipment, "
          "consulting and audit services, and for founders and board members. Once approved, the invitation is "
          "sent to the foreign citizen to obtain the visa at an Embassy of the Republic of Kazakhstan (Step 2)."),
        ["B2", "B3"], False, "portal-invitation", [centre_step(), EMBASSY_STEP], None,
        ["passport-validity-visa"], ["state-body-delay", "personal-manager"],
        COMPANY_BLOCK + [req("invitation-letters"), PASSPORT_COPY, DUTY,
                         req("service-contract-b2", conditions=B2),
                         req("founder-or-board-confirmation-b3", conditions=B3), CONSENT],
        fee=fees([(STD, t("Оформление письма-приглашения для многократной деловой визы (В2/В3)",
                          "Invitation letter for a multi-entry business visa (B2/B3)"), 40000)],
                 duty="0.5", pm=270000, time=wd(5)))
service("long-business-visa-issuance", "LONG_TERM_BUSINESS_VISA",
        t("Получение многократной деловой визы на территории Казахстана",
          "Multi-entry business visa issuance in Kazakhstan"),
        t("Услуга предназначена для подачи заявки на оформление многократной деловой визы иностранным гражданам, "
          "находящимся на территории Республики Казахстан с целью монтажа, ремонта и технического обслуживания "
          "оборудования, оказания консультационных и аудиторских услуг, а также для учредителей и членов совета "
          "директоров.",
          "This service applies for a multi-entry business visa for foreign citizens in the Republic of Kazakhstan "
          "for installation, repair and maintenance of equipment, consulting and audit services, and for founders "
          "and board members."),
        ["B2", "B3"], False, "portal-visa", [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")],
        None, ["passport-validity-visa"], ["state-body-delay", "personal-manager"],
        COMPANY_BLOCK + [req("visa-petition"), PASSPORT_ORIGINAL, req("visa-application-form"), VISA_COPY,
                         FINGERPRINT, ARRIVAL, DUTY, req("service-contract-b2", conditions=B2),
                         req("founder-or-board-confirmation-b3", conditions=B3), CONSENT],
        fee=fees([(STD, t("Оформление многократной деловой визы (В2/В3)", "Multi-entry business visa (B2/B3)"),
                   40000)], duty="30", pm=270000, time=wd(5)))
service("business-immigrant-c5-multi-entry", "LONG_TERM_BUSINESS_VISA",
        t("Продление визы бизнес-иммигранта (С5) на многократную на территории Казахстана",
          "Extension of a business-immigrant visa (C5) to multi-entry in Kazakhstan"),
        t("Данная услуга предназначена для продления однократной визы бизнес-иммигранта категории С5 на многократную "
          "после регистрации юридического лица.",
          "This service extends a single-entry C5 business-immigrant visa to a multi-entry one after a legal entity "
          "has been registered."),
        ["C5"], False, "portal-visa", [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")],
        None, ["c5-after-company", "passport-validity-visa"], ["state-body-delay", "personal-manager"],
        COMPANY_BLOCK + [req("visa-petition"), req("akimat-petition"), PASSPORT_ORIGINAL,
                         req("visa-application-form"), VISA_COPY, FINGERPRINT, ARRIVAL, DUTY, CONSENT],
        fee=fees([(STD, t("Оформление многократной деловой визы (С5)", "Multi-entry business visa (C5)"), 40000)],
                 duty="30", pm=270000, time=wd(5)))
service("long-business-visa-extension", "LONG_TERM_BUSINESS_VISA",
        t("Продление многократной деловой визы (В2/В3)", "Multi-entry business visa extension (B2/B3)"),
        t(EXT_DESC_RU, EXT_DESC_EN), ["B2", "B3"], False, "portal-visa",
        [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")], None, EXT_RULES, EXT_NOTES,
        documents_from="long-business-visa-issuance")

# ---------------------------------------------------------------- VISA CANCELLATION
service("visa-cancellation-departed", "VISA_CANCELLATION",
        t("Аннулирование визы, если держатель визы выехал из Казахстана",
          "Visa cancellation when the holder has left Kazakhstan"),
        t("Данная услуга предназначена для подачи заявления через ЭЦ об аннулировании действующей деловой или "
          "рабочей визы, включая визы членов семьи, в случае выезда иностранного гражданина с территории Казахстана.",
          "This service files through the Expat Centre the cancellation of a current business or work visa, "
          "including family members' visas, when the foreign citizen has left Kazakhstan."),
        [], True, "portal-cancellation", [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")],
        None, [], ["cancellation-effect"],
        COMPANY_BLOCK + [req("visa-cancellation-petition"),
                         req("passport", title=t("Копия паспорта", "Copy of the passport")),
                         req("current-visa-copy"), req("employment-termination-order", conditions=IF_APPLICABLE)],
        fee=fees([(STD, t("Аннулирование визы", "Visa cancellation"), 40000)], time=wd(1)))
service("visa-cancellation-exit-visa", "VISA_CANCELLATION",
        t("Аннулирование визы, если держатель визы в Казахстане (с выездной визой)",
          "Visa cancellation when the holder is in Kazakhstan (with an exit visa)"),
        t("Данная услуга предназначена для подачи заявления через ЭЦ на аннулирование действующей визы иностранного "
          "гражданина, находящегося на территории Казахстана, с последующим оформлением однократной выездной визы.",
          "This service files through the Expat Centre the cancellation of the current visa of a foreign citizen "
          "who is in Kazakhstan, followed by a single-entry exit visa."),
        [], False, "portal-cancellation", [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")],
        {"max": 15, "unit": "WORKING_DAYS", "text": t("Выездная виза до 15 рабочих дней",
                                                      "Exit visa for up to 15 working days")},
        ["exit-visa-departure"], [],
        COMPANY_BLOCK + [req("visa-cancellation-exit-petition"), req("passport", "UPLOAD_AND_ORIGINAL"),
                         FINGERPRINT, ARRIVAL, DUTY],
        fee=fees([(STD, t("Аннулирование визы и выдача выездной визы", "Visa cancellation and exit visa"), 40000)],
                 duty="0.5", time=wd(5)))

# ---------------------------------------------------------------- OTHER MIGRATION AND TAX SERVICES
service("arrival-notification", "OTHER_MIGRATION_AND_TAX",
        t("Уведомление о прибытии или изменении адреса проживания", "Arrival notification or change of address"),
        t("Данная услуга позволяет подать уведомление в уполномоченные органы о прибытии иностранного гражданина на "
          "территорию Республики Казахстан либо о смене его адреса проживания в стране.",
          "This service notifies the authorities of a foreign citizen's arrival in the Republic of Kazakhstan or of "
          "a change of residential address in the country."),
        [], False, "portal-other", [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")],
        None, [], ["arrival-notification-eds"],
        [req("residence-address"), CONSENT,
         req("passport", title=t("Копия паспорта иностранного гражданина, использованного при пересечении границы",
                                 "Copy of the passport used to cross the border"))],
        fee=fees([(STD, t("Уведомление о прибытии или изменении адреса проживания",
                          "Arrival notification or change of address"), 20000)], time=minutes(30, 30)))
service("iin", "OTHER_MIGRATION_AND_TAX",
        t("Индивидуальный идентификационный номер (ИИН)", "Individual identification number (IIN)"),
        t("Индивидуальный идентификационный номер – представляет собой уникальную комбинацию из 12 цифр, его "
          "формирование происходит автоматически с учетом принципов уникальности и неизменности. Личное "
          "присутствие иностранного гражданина обязательно для получения индивидуального идентификационного номера.",
          "The individual identification number is a unique combination of 12 digits generated automatically on "
          "the principles of uniqueness and immutability. The foreign citizen must be present in person to obtain "
          "it."),
        [], False, "portal-other", [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")],
        None, ["iin-personal-presence"], ["personal-manager-eds", "priority-service"],
        [req("passport-data-page-translation"),
         req("passport", "ORIGINAL_AT_VISIT",
             title=t("Оригинал паспорта, по которому был осуществлен въезд в Казахстан",
                     "Original passport used to enter Kazakhstan")), CONSENT],
        fee=fees([(STD, t("Формирование ИИН", "IIN issuance"), 20000)], pm=140000, priority=20000, time=wd(1)))
service("tax-residency-certificate", "OTHER_MIGRATION_AND_TAX",
        t("Сертификат налогового резидента", "Tax residency certificate"),
        t("Данная услуга позволяет определить налоговые обязательства иностранного гражданина или компании, "
          "получающих доход на территории Казахстана, с учётом международных соглашений, чтобы избежать двойного "
          "налогообложения. Сертификат налогового резидентства — это документ, подтверждающий налоговое "
          "резидентство нерезидента и то, что получатель дохода является резидентом страны, с которой Казахстан "
          "заключил международное соглашение.",
          "This service determines the tax obligations of a foreign citizen or company earning income in "
          "Kazakhstan under international agreements, to avoid double taxation. The tax residency certificate "
          "confirms the tax residency of a non-resident and that the income recipient is a resident of a country "
          "with which Kazakhstan has an international agreement."),
        [], False, "portal-other", [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")],
        None, [], ["personal-manager"],
        [req("tax-residency-application"),
         req("effective-management-proof", conditions=LEGAL_ENTITY, notarised=True),
         req("passport-and-stay-proof-notarised", conditions=INDIVIDUAL, notarised=True)],
        fee=fees([(STD, t("Сертификат налогового резидента", "Tax residency certificate"), 100000)], pm=300000,
                 time=wd(3, 5)))
service("digital-signature", "OTHER_MIGRATION_AND_TAX",
        t("Электронная цифровая подпись (ЭЦП)", "Electronic digital signature (EDS)"),
        t("Данная услуга позволяет подать заявку на получение электронной цифровой подписи (ЭЦП). ЭЦП может "
          "оформляться как для физического лица, так и для юридического. Для её получения необходимо создать заявку "
          "на портале Национального удостоверяющего центра Республики Казахстан.",
          "This service applies for an electronic digital signature (EDS), for an individual or a legal entity. An "
          "application must first be created on the portal of the National Certification Authority of the Republic "
          "of Kazakhstan."),
        [], False, "portal-other",
        [{"order": 1, "place": "ONLINE", "informational": True,
          "title": t("Заявка на портале pki.gov.kz", "Application on the pki.gov.kz portal")},
         {"order": 2, "place": "EXPAT_CENTRE", "informational": False,
          "title": t("Активация ЭЦП в Экспат центре", "EDS activation at the Expat Centre")}],
        None, ["eds-online-application", "eds-mobile-citizens"], ["personal-manager-eds", "priority-service"],
        [req("pki-application"), req("director-appointment-order", conditions=LEGAL_ENTITY), CONSENT],
        fee=fees([(STD, t("Электронная цифровая подпись", "Electronic digital signature"), 20000)], pm=140000,
                 priority=20000, time=wd(1)))
service("fingerprint-registration", "OTHER_MIGRATION_AND_TAX",
        t("Дактилоскопическая регистрация (снятие отпечатков пальцев)", "Fingerprint registration"),
        t("Данная услуга предназначена для подачи заявки на прохождение дактилоскопической регистрации. По "
          "завершении процедуры заявителю выдается справка, подтверждающая факт сдачи отпечатков пальцев.",
          "This service applies for fingerprint registration. After the procedure the applicant receives a "
          "certificate confirming that fingerprints were taken."),
        [], False, "portal-other", [centre_step("Подача в Экспат центре", "Submission at the Expat Centre")],
        None, ["fingerprint-fee-waiver", "fingerprint-verification"], ["fingerprint-result"],
        [req("iin-short"), req("passport", "UPLOAD_AND_ORIGINAL",
                               title=t("Оригинал паспорта", "Original passport")), ARRIVAL, CONSENT],
        fee=fees([(STD, t("Дактилоскопическая регистрация", "Fingerprint registration"), 20000)],
                 time=minutes(20, 30)))

catalog = {
    "guide": {"title": t("Руководство – 2026. Услуги Экспат центра для не участников МФЦА",
                         "Guide 2026. Expat Centre services for non-participants of the AIFC"),
              "effectiveFrom": "2026-01-01", "currency": "KZT"},
    "office": {"timeZone": "Asia/Almaty", "opens": "09:00", "closes": "18:00", "lunchStart": "13:00",
               "lunchEnd": "14:00",
               "workingDays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
               "address": t("проспект Мангилик Ел 55/18, павильон С3.3, г. Астана, 010017, Казахстан",
                            "55/18 Mangilik El Avenue, pavilion C3.3, Astana, 010017, Kazakhstan"),
               "email": "expat@aifc.kz",
               "phones": [{"number": "+7 (7172) 64 73 33", "hours": "09:00–18:00"},
                          {"number": "+7 (7172) 64 73 40", "hours": "14:00–18:00"}]},
    "groups": [{"code": c, "order": i + 1, "title": title} for i, (c, title) in enumerate(GROUPS)],
    "documents": [dict({"code": c, "title": title}, **({"paymentOf": PAYMENT_DOCS[c]} if c in PAYMENT_DOCS else {}))
                  for c, title in DOCS],
    "processes": list(PROCESSES.values()),
    "rules": RULES,
    "notes": NOTES,
    "services": S,
}

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "src", "main", "resources", "catalog", "2026-01-01.json")
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w", encoding="utf-8") as f:
    json.dump(catalog, f, ensure_ascii=False, indent=1)
    f.write("\n")
print("services:", len(S), "documents:", len(DOCS))
