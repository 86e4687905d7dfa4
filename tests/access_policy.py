"""The declared access policy: for every URL pattern the project defines, what each persona
gets when they open it (GET). tests/test_access_matrix.py walks the URL patterns, fails on any
pattern missing here (and on any entry here naming no pattern), and checks every cell.

An entry is the pattern's name ("namespace:name"), or for the Django admin its prefix
("admin/"): the admin's own pages are Django's and are declared as one. Each entry says what
fills the address (`kwargs`, and `query` for pages that need one: url argument -> the kind of
object the test makes, a `make_<kind>` of World in the test module, or a literal) and what
each persona gets: a status code, TO_LOGIN (the login page, and back), or ADMIN_LOGIN (the
admin's login page). Every object belongs to the `patient` persona, who has finished intake,
signed the consent and been cleared.

Signed links (tokens) are tried with a forged token only: the page is open to anyone, and a
forged token finds nothing (404); the waitlist offer's link is the exception, for the
logged-in patient it was sent to. Pages that only take a POST are declared with what a GET
gives: the login page for a visitor, 403 for whoever lacks the permission, then 405 (or the
page the action is posted from).

A cell whose page gives the wrong answer today keeps the right answer in `expected` and says
why in `wrong_today`: the test of that cell is then a strict xfail, until the page is fixed.
"""

from dataclasses import dataclass, field

from tests.access import (
    ALLOWED,
    NOT_FOUND,
    PERSONAS,
    REDIRECT,
    TO_LOGIN,
    matrix,
)

NOT_ALLOWED = 405  # the page takes a POST only
ADMIN_LOGIN = "admin login"  # the Django admin's own login page, and back

# A token no link ever carried: a payload, a made-up signature.
FORGED_TOKEN = "MQ:forged:signature"


@dataclass(frozen=True)
class Policy:
    expected: dict  # persona -> what a GET gives them
    kwargs: dict = field(default_factory=dict)  # url argument -> object kind or literal
    query: dict = field(default_factory=dict)  # the query string some pages need, filled as kwargs
    # persona -> why the expected (right) answer is not what the page gives today
    wrong_today: dict = field(default_factory=dict)


def everyone(expected=ALLOWED, **but):
    return {p: but.get(p, expected) for p in PERSONAS}


def logged_in(expected=ALLOWED, **but):
    """Anonymous is sent to log in; everyone else gets `expected` unless named."""
    return {p: but.get(p, TO_LOGIN if p == "anonymous" else expected) for p in PERSONAS}


PUBLIC = everyone(ALLOWED)
FORGED_LINK = everyone(NOT_FOUND)
STAFF = matrix(front_desk=ALLOWED, clinician=ALLOWED, clinic_admin=ALLOWED)
DESK = matrix(front_desk=ALLOWED, clinic_admin=ALLOWED)
CLINICIANS = matrix(clinician=ALLOWED)
CLINICAL_READERS = matrix(clinician=ALLOWED, clinic_admin=ALLOWED)
ADMINS = matrix(clinic_admin=ALLOWED)
PATIENTS = matrix(patient=ALLOWED)  # the patient's own pages: staff have none


def post_only(**allowed_to_post):
    """A POST-only page behind permissions: those who may post get 405 on a GET."""
    return matrix(**{p: NOT_ALLOWED for p, ok in allowed_to_post.items() if ok})


STAFF_POST = post_only(front_desk=True, clinician=True, clinic_admin=True)
DESK_POST = post_only(front_desk=True, clinic_admin=True)
CLINICAL_POST = post_only(clinician=True, clinic_admin=True)
ADMIN_POST = post_only(clinic_admin=True)
# Actions whose GET sends those who may act back to the page they act from.
DESK_BACK = matrix(front_desk=REDIRECT, clinic_admin=REDIRECT)
STAFF_BACK = matrix(front_desk=REDIRECT, clinician=REDIRECT, clinic_admin=REDIRECT)
CHART_BACK = matrix(clinician=REDIRECT)

POLICY: dict[str, Policy] = {
    # The Django admin, as one entry: its index for a clinic admin (a staff user with admin
    # permissions); everyone else is sent to the admin's own login page.
    "admin/": Policy(
        {
            "anonymous": ADMIN_LOGIN,
            "patient": ADMIN_LOGIN,
            "front_desk": ADMIN_LOGIN,
            "clinician": ADMIN_LOGIN,
            "clinic_admin": ALLOWED,
        }
    ),
    "healthz": Policy(PUBLIC),
    # Accounts ---------------------------------------------------------------------------------
    "login": Policy(logged_in(REDIRECT, anonymous=ALLOWED)),
    "logout": Policy(logged_in(NOT_ALLOWED)),
    # Everyone logged in here has given their code already (or needs none): sent home.
    "second_factor": Policy(logged_in(REDIRECT)),
    "second_factor_setup": Policy(logged_in(REDIRECT)),
    "second_factor_settings": Policy(STAFF),
    # A patient's own choice of two-step sign-in; staff are sent to theirs (the clinic's).
    "second_factor_patient": Policy(logged_in(REDIRECT, patient=ALLOWED)),
    "backup_codes_new": Policy(logged_in(NOT_ALLOWED)),
    "password_reset": Policy(PUBLIC),
    "password_reset_done": Policy(PUBLIC),
    "password_reset_confirm": Policy(PUBLIC, kwargs={"uidb64": "MQ", "token": "forged-token"}),
    "password_reset_complete": Policy(PUBLIC),
    "accounts:home": Policy(logged_in(REDIRECT)),
    "accounts:patient_home": Policy(logged_in(ALLOWED)),
    "accounts:staff_home": Policy(STAFF),
    # The idle warning's "Stay signed in": a POST from any page, for anyone logged in.
    "accounts:still_here": Policy(logged_in(NOT_ALLOWED)),
    # Locations and content ----------------------------------------------------------------------
    "locations:list": Policy(PUBLIC),
    "locations:detail": Policy(PUBLIC, kwargs={"slug": "location_slug"}),
    "locations:staff_list": Policy(STAFF),
    "content:home": Policy(PUBLIC),
    "content:page": Policy(PUBLIC, kwargs={"slug": "published_page_slug"}),
    "content:faq": Policy(PUBLIC),
    "content:staff_pages": Policy(ADMINS),
    "content:staff_page_new": Policy(ADMINS),
    "content:staff_page_edit": Policy(ADMINS, kwargs={"pk": "page"}),
    "content:staff_page_preview": Policy(ADMINS, kwargs={"pk": "page"}),
    "content:staff_page_publish": Policy(ADMIN_POST, kwargs={"pk": "page"}),
    "content:staff_page_history": Policy(ADMINS, kwargs={"pk": "page"}),
    "content:staff_faq": Policy(ADMINS),
    "content:staff_faq_new": Policy(ADMINS),
    "content:staff_faq_edit": Policy(ADMINS, kwargs={"pk": "faq"}),
    # Patients: consultations, sign-up, dashboard, intake, consent ----------------------------
    "patients:consultation_start": Policy(PUBLIC),
    "patients:consultation_manage": Policy(FORGED_LINK, kwargs={"token": FORGED_TOKEN}),
    "patients:consultation_calendar": Policy(FORGED_LINK, kwargs={"token": FORGED_TOKEN}),
    "patients:consultation_book": Policy(PUBLIC, kwargs={"slug": "location_slug"}),
    "patients:staff_consultations": Policy(STAFF),
    "patients:staff_consultation_outcome": Policy(DESK_POST, kwargs={"pk": "consultation"}),
    # Signing up is for visitors; anyone logged in is sent to their home page.
    "patients:signup": Policy(logged_in(REDIRECT, anonymous=ALLOWED)),
    # A forged confirmation link shows "this link has expired" (400).
    "patients:signup_confirm": Policy(everyone(400), kwargs={"token": FORGED_TOKEN}),
    "patients:dashboard": Policy(PATIENTS),
    # The patient's own data, to read and download: patients only.
    "patients:my_data": Policy(PATIENTS),
    "patients:my_data_json": Policy(PATIENTS),
    "patients:my_data_pdf": Policy(PATIENTS),
    "patients:intake_start": Policy(matrix(patient=REDIRECT)),
    "patients:intake_review": Policy(PATIENTS),
    "patients:intake_finish": Policy(logged_in(NOT_ALLOWED)),
    "patients:intake_step": Policy(PATIENTS, kwargs={"slug": "about-you"}),
    "patients:staff_id_photo": Policy(STAFF, kwargs={"pk": "patient_with_id_photo"}),
    # The patient persona has signed: they are shown their signature.
    "patients:consent_sign": Policy(matrix(patient=REDIRECT)),
    "patients:consent_detail": Policy(
        matrix(patient=ALLOWED, front_desk=NOT_FOUND, clinician=ALLOWED, clinic_admin=ALLOWED),
        kwargs={"pk": "consent_signature"},
    ),
    "patients:consent_pdf": Policy(
        matrix(patient=REDIRECT, front_desk=NOT_FOUND, clinician=REDIRECT, clinic_admin=REDIRECT),
        kwargs={"pk": "consent_signature"},
    ),
    "patients:staff_consent_verify": Policy(CLINICAL_READERS),
    "patients:consent_versions": Policy(ADMINS),
    "patients:consent_draft_start": Policy(ADMIN_POST),
    "patients:consent_version": Policy(ADMINS, kwargs={"pk": "consent_document"}),
    "patients:consent_preview": Policy(ADMINS, kwargs={"pk": "consent_document"}),
    "patients:consent_publish": Policy(ADMIN_POST, kwargs={"pk": "consent_document"}),
    # Screening ---------------------------------------------------------------------------------
    "screening:questionnaire": Policy(PATIENTS),
    "screening:crisis": Policy(PATIENTS),
    "screening:reply": Policy(logged_in(NOT_ALLOWED)),
    "screening:queue": Policy(CLINICAL_READERS),
    "screening:review": Policy(CLINICAL_READERS, kwargs={"pk": "screening"}),
    "screening:questionnaire_versions": Policy(CLINICAL_READERS),
    "screening:questionnaire_draft_start": Policy(CLINICAL_POST),
    "screening:questionnaire_version": Policy(
        CLINICAL_READERS, kwargs={"number": "questionnaire_number"}
    ),
    "screening:questionnaire_question_add": Policy(
        CLINICAL_POST, kwargs={"number": "questionnaire_number"}
    ),
    "screening:questionnaire_question_remove": Policy(
        CLINICAL_POST, kwargs={"number": "questionnaire_number", "pk": "question"}
    ),
    "screening:questionnaire_publish": Policy(
        CLINICAL_POST, kwargs={"number": "questionnaire_number"}
    ),
    "screening:drugs": Policy(CLINICAL_READERS),
    "screening:drug_add": Policy(CLINICAL_READERS),
    "screening:drug_edit": Policy(CLINICAL_READERS, kwargs={"pk": "drug"}),
    "screening:drug_history": Policy(CLINICAL_READERS, kwargs={"pk": "drug"}),
    # Infusions: booking and the patient's own ---------------------------------------------------
    "infusions:book": Policy(PATIENTS),
    "infusions:staff_patients": Policy(STAFF),
    "infusions:staff_list": Policy(STAFF),
    "infusions:staff_book": Policy(DESK, kwargs={"patient_pk": "patient_record"}),
    "infusions:my_infusion": Policy(PATIENTS, kwargs={"pk": "appointment"}),
    "infusions:my_infusion_move": Policy(PATIENTS, kwargs={"pk": "appointment"}),
    "infusions:my_infusion_cancel": Policy(PATIENTS, kwargs={"pk": "appointment"}),
    "infusions:my_infusion_ics": Policy(PATIENTS, kwargs={"pk": "appointment"}),
    "infusions:calendar_feed": Policy(PATIENTS),
    "infusions:calendar_feed_ics": Policy(FORGED_LINK, kwargs={"token": FORGED_TOKEN}),
    "infusions:my_plan": Policy(PATIENTS),
    "infusions:my_waitlist": Policy(PATIENTS),
    "infusions:my_waitlist_leave": Policy(logged_in(NOT_ALLOWED), kwargs={"pk": "waitlist_entry"}),
    "infusions:my_reminder_channels": Policy(PATIENTS),
    "infusions:my_progress": Policy(PATIENTS),
    "infusions:visit_summary": Policy(PATIENTS, kwargs={"pk": "discharged_appointment"}),
    # Signed links from e-mails and texts.
    "infusions:checklist": Policy(FORGED_LINK, kwargs={"token": FORGED_TOKEN}),
    "infusions:outcomes_check": Policy(FORGED_LINK, kwargs={"token": FORGED_TOKEN}),
    # The offer's link is for the patient it was sent to, logged in: staff are refused.
    "infusions:waitlist_claim": Policy(matrix(patient=NOT_FOUND), kwargs={"token": FORGED_TOKEN}),
    # The SMS provider's webhook: open (its signature is the check), POST only.
    "infusions:sms_inbound": Policy(everyone(NOT_ALLOWED)),
    # Infusions: the staff schedule ----------------------------------------------------------------
    "infusions:board_day": Policy(STAFF),
    "infusions:board_week": Policy(STAFF),
    "infusions:board_book": Policy(DESK, query={"chair": "chair", "starts_at": "free_time"}),
    "infusions:board_appointment": Policy(STAFF, kwargs={"pk": "appointment"}),
    "infusions:board_move": Policy(DESK, kwargs={"pk": "appointment"}),
    # The board's actions: a GET goes to the appointment's page, for those who may act.
    "infusions:board_cancel": Policy(DESK_BACK, kwargs={"pk": "appointment"}),
    "infusions:board_no_show": Policy(DESK_BACK, kwargs={"pk": "appointment"}),
    "infusions:board_check_in": Policy(STAFF_BACK, kwargs={"pk": "appointment"}),
    "infusions:board_next_step": Policy(STAFF_BACK, kwargs={"pk": "appointment"}),
    "infusions:plan_edit": Policy(CLINICIANS, kwargs={"patient_pk": "patient_record"}),
    "infusions:plan_detail": Policy(STAFF, kwargs={"patient_pk": "patient_record"}),
    # Proposing times books them: the desk's work (clinicians set the plan, not the times).
    "infusions:plan_propose": Policy(DESK, kwargs={"patient_pk": "patient_record"}),
    "infusions:waitlist": Policy(DESK),
    "infusions:waitlist_add": Policy(DESK),
    "infusions:waitlist_withdraw": Policy(DESK_POST, kwargs={"pk": "waitlist_entry"}),
    "infusions:waitlist_fits": Policy(DESK, query={"chair": "chair", "starts_at": "free_time"}),
    "infusions:follow_up": Policy(STAFF),
    "infusions:reminder_resend": Policy(DESK_POST, kwargs={"pk": "reminder"}),
    "infusions:record": Policy(CLINICIANS, kwargs={"pk": "appointment"}),
    # The chart's actions: a GET goes back to the chart, for a clinician.
    "infusions:record_vitals": Policy(CHART_BACK, kwargs={"pk": "appointment"}),
    "infusions:record_step": Policy(CHART_BACK, kwargs={"pk": "appointment"}),
    "infusions:record_sign": Policy(CHART_BACK, kwargs={"pk": "appointment"}),
    "infusions:patient_outcomes": Policy(CLINICIANS, kwargs={"pk": "patient_record"}),
    "infusions:reports": Policy(ADMINS),
    "infusions:reports_csv": Policy(
        ADMINS, kwargs={"report": "chair-use-by-day"}, query={"location": "location"}
    ),
}

# The patient's own objects: opened by a second patient (with their own record), each is
# refused without saying whether it exists. url name -> what the second patient gets.
OWN_OBJECTS = {
    "infusions:my_infusion": NOT_FOUND,
    "infusions:my_infusion_move": NOT_FOUND,
    "infusions:my_infusion_cancel": NOT_FOUND,
    "infusions:my_infusion_ics": NOT_FOUND,
    "infusions:visit_summary": NOT_FOUND,
    "patients:consent_detail": NOT_FOUND,
    "patients:consent_pdf": NOT_FOUND,
}
