"""Every form of the portal, as the fuzzing pass sends it.

A target names the action its form posts to (a key of tests/access_policy.py's POLICY,
with "[...]" after it where one action has several forms, such as the intake's steps), who
sends it, and the page that shows it: a page of POLICY, opened with the objects that make
it show the form (World.make_<kind>, tests/fuzz/world.py). The pass reads the form's fields
from that page. An action no page shows in a state a test can make names its fields instead.

tests/fuzz/test_every_form.py fails on a URL pattern in none of TARGETS, NO_FORM and
SKIPPED, and on a form, on any page anyone may open, whose action is no target.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Target:
    persona: str
    # The page showing the form (a POLICY key): the action's own page unless named.
    page: str = ""
    # Object kinds (World.make_<kind>) to make before opening the page.
    prepare: tuple = ()
    # URL arguments filled otherwise than POLICY fills them, for the page and the action.
    kwargs: dict = field(default_factory=dict)
    # The fields sent when no page shows the form (then posted to the action's own address).
    fields: dict | None = None
    # The patient persona has finished intake and signed the consent (World's "record").
    with_record: bool = True
    # The persona has typed their password but not yet their code (staff's second step).
    password_only: bool = False
    # The clock stands half an hour before the patient persona's infusion: the day's
    # actions (check-in, no-show, the chair's steps) are offered only then.
    on_its_day: bool = False


def url_key(target_key):
    """The POLICY key of a target: "patients:intake_step[care]" posts to intake_step."""
    return target_key.split("[")[0]


CLEARED = ("cleared",)
ON_THE_DAY = {"on_its_day": True, "prepare": ("appointment",)}

TARGETS: dict[str, Target] = {
    # Accounts -------------------------------------------------------------------------------
    "login": Target("anonymous"),
    "logout": Target("patient", page="patients:dashboard"),
    "accounts:still_here": Target("front_desk", page="accounts:staff_home"),
    "second_factor": Target("front_desk", password_only=True, prepare=("totp_device",)),
    "second_factor_setup": Target("front_desk", password_only=True),
    "second_factor_patient": Target("patient"),
    "backup_codes_new": Target("front_desk", page="second_factor_settings"),
    "password_reset": Target("anonymous"),
    "password_reset_confirm": Target(
        "anonymous", kwargs={"uidb64": "patient_uidb64", "token": "password_reset_token"}
    ),
    # Content --------------------------------------------------------------------------------
    "content:staff_page_new": Target("clinic_admin"),
    "content:staff_page_edit": Target("clinic_admin"),
    "content:staff_page_publish": Target("clinic_admin", page="content:staff_pages"),
    "content:staff_faq_new": Target("clinic_admin"),
    "content:staff_faq_edit": Target("clinic_admin"),
    # Patients: consultations, sign-up, intake, consent ---------------------------------------
    "patients:consultation_book": Target("anonymous", prepare=("consultant_hours",)),
    "patients:consultation_manage": Target(
        "anonymous", prepare=("consultant_hours",), kwargs={"token": "consultation_token"}
    ),
    "patients:staff_consultation_outcome": Target(
        "front_desk", page="patients:staff_consultations", prepare=("consultation",)
    ),
    "patients:signup": Target("anonymous"),
    "patients:my_data": Target("patient"),
    **{
        f"patients:intake_step[{slug}]": Target("patient", kwargs={"slug": slug})
        for slug in ("about-you", "people", "care", "health", "medications", "identity")
    },
    "patients:intake_finish": Target(
        "patient", page="patients:intake_review", prepare=("unfinished_intake",)
    ),
    "patients:consent_sign": Target("patient", with_record=False, prepare=("unsigned_record",)),
    "patients:staff_consent_verify": Target("clinician"),
    "patients:consent_draft_start": Target("clinic_admin", page="patients:consent_versions"),
    "patients:consent_version": Target("clinic_admin", kwargs={"pk": "consent_draft"}),
    "patients:consent_publish": Target(
        "clinic_admin", page="patients:consent_version", kwargs={"pk": "consent_draft"}
    ),
    # Screening ------------------------------------------------------------------------------
    "screening:questionnaire": Target("patient"),
    "screening:reply": Target(
        "patient", page="patients:dashboard", prepare=("info_requested_screening",)
    ),
    "screening:review": Target("clinician", kwargs={"pk": "submitted_screening"}),
    "screening:questionnaire_draft_start": Target(
        "clinician", page="screening:questionnaire_versions"
    ),
    "screening:questionnaire_version": Target(
        "clinician", kwargs={"number": "questionnaire_draft"}
    ),
    **{
        f"screening:questionnaire_{action}": Target(
            "clinician",
            page="screening:questionnaire_version",
            kwargs={"number": "questionnaire_draft"},
            prepare=("draft_question",),
        )
        for action in ("question_add", "question_remove", "publish")
    },
    "screening:drug_add": Target("clinician"),
    "screening:drug_edit": Target("clinician"),
    # Infusions: the patient's own -------------------------------------------------------------
    "infusions:book": Target("patient", prepare=CLEARED),
    "infusions:my_infusion": Target("patient"),
    "infusions:my_infusion_move": Target("patient"),
    "infusions:my_infusion_cancel": Target("patient"),
    "infusions:calendar_feed": Target("patient"),
    "infusions:my_waitlist": Target("patient", prepare=CLEARED),
    "infusions:my_waitlist_leave": Target(
        "patient", page="infusions:my_waitlist", prepare=("waitlist_entry",)
    ),
    "infusions:waitlist_claim": Target("patient", kwargs={"token": "claim_token"}),
    "infusions:my_reminder_channels": Target("patient"),
    "infusions:checklist": Target("anonymous", kwargs={"token": "checklist_token"}),
    "infusions:outcomes_check": Target(
        "anonymous", kwargs={"token": "outcomes_token"}, **ON_THE_DAY
    ),
    # The SMS provider's webhook: what a provider posts, unsigned (its signature is checked).
    "infusions:sms_inbound": Target(
        "anonymous", fields={"From": "tel", "To": "tel", "Body": "text", "MessageSid": "text"}
    ),
    # Infusions: the staff's -----------------------------------------------------------------
    "infusions:staff_book": Target("front_desk", prepare=CLEARED),
    "infusions:board_book": Target("front_desk"),
    "infusions:board_move": Target("front_desk"),
    **{
        f"infusions:board_{action}": Target(
            "front_desk", page="infusions:board_appointment", **ON_THE_DAY
        )
        for action in ("cancel", "no_show", "check_in")
    },
    "infusions:board_next_step": Target(
        "front_desk",
        page="infusions:board_appointment",
        on_its_day=True,
        prepare=("checked_in_appointment",),
    ),
    "infusions:plan_edit": Target("clinician", prepare=CLEARED),
    "infusions:plan_propose": Target("front_desk", prepare=("plan",)),
    "infusions:waitlist_add": Target("front_desk", prepare=CLEARED),
    "infusions:waitlist_withdraw": Target(
        "front_desk", page="infusions:waitlist", prepare=("waitlist_entry",)
    ),
    # Offered beside a reminder that failed to send (the pass's reminders are all pending):
    # the form is its button alone.
    "infusions:reminder_resend": Target("front_desk", fields={}),
    **{
        key: Target(
            "clinician",
            page="infusions:record",
            prepare=("checked_in_appointment",),
            on_its_day=True,
        )
        for key in ("infusions:record", "infusions:record_vitals", "infusions:record_step")
    },
    "infusions:record_sign": Target(
        "clinician",
        page="infusions:record",
        prepare=("discharged_appointment",),
        on_its_day=True,
    ),
}

# Pages with forms the pass leaves alone, and why.
SKIPPED: dict[str, str] = {
    "admin/": "Django's own admin: its forms are Django's, and staff reach them rarely",
}

# Pages that show no POST form of their own and take no POST (GET forms, downloads, lists).
NO_FORM: set[str] = {
    "accounts:home",
    "accounts:patient_home",
    "accounts:staff_home",
    "content:faq",
    "content:home",
    "content:page",
    "content:staff_faq",
    "content:staff_page_history",
    "content:staff_page_preview",
    "content:staff_pages",
    "healthz",
    "infusions:board_appointment",
    "infusions:board_day",
    "infusions:board_week",
    "infusions:calendar_feed_ics",
    "infusions:follow_up",
    "infusions:my_infusion_ics",
    "infusions:my_plan",
    "infusions:my_progress",
    "infusions:patient_outcomes",
    "infusions:plan_detail",
    "infusions:reports",
    "infusions:reports_csv",
    "infusions:staff_list",
    "infusions:staff_patients",
    "infusions:visit_summary",
    "infusions:waitlist",
    "infusions:waitlist_fits",
    "locations:detail",
    "locations:list",
    "locations:staff_list",
    "password_reset_complete",
    "password_reset_done",
    "patients:consent_detail",
    "patients:consent_pdf",
    "patients:consent_preview",
    "patients:consent_versions",
    "patients:consultation_calendar",
    "patients:consultation_start",
    "patients:dashboard",
    "patients:intake_review",
    "patients:intake_start",
    "patients:my_data_json",
    "patients:my_data_pdf",
    "patients:signup_confirm",
    "patients:staff_consultations",
    "patients:staff_id_photo",
    "screening:crisis",
    "screening:drug_history",
    "screening:drugs",
    "screening:questionnaire_versions",
    "screening:queue",
    "second_factor_settings",
}
