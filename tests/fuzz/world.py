"""The access matrix's World (tests/test_access_matrix.py), with the few more objects and
links that make some pages show their form: a draft to edit, a plan to propose from, a
checked-in patient's chart, a real link from an e-mail."""

from tests.test_access_matrix import World


class FuzzWorld(World):
    def make_cleared(self):
        return self.get("screening_obj")

    def make_consultant_hours(self):
        """The front desk takes consultations whenever the location is open."""
        from clinic.locations.models import ConsultantHours

        location = self.get("location")
        for hours in location.opening_hours.all():
            ConsultantHours.objects.create(
                staff=self.user("front_desk"),
                location=location,
                weekday=hours.weekday,
                starts=hours.opens,
                ends=hours.closes,
            )

    def make_checked_in_appointment(self):
        from infusions.models import InfusionAppointment
        from infusions.models.appointments import Status

        pk = self.get("appointment")
        InfusionAppointment.objects.filter(pk=pk).update(status=Status.CHECKED_IN)
        return pk

    def make_submitted_screening(self):
        """Screening answers waiting for a clinician's decision."""
        from tests.screening.factories import submit

        return submit(self.get("record")).pk

    def make_questionnaire_draft(self):
        from screening.editor.services import questionnaire_draft_start

        return questionnaire_draft_start(user=self.user("clinician")).number

    def make_draft_question(self):
        """A question added to the draft: unlike the shipped ones, it can be removed."""
        from screening.editor.services import questionnaire_question_add
        from screening.models import QuestionnaireVersion

        version = QuestionnaireVersion.objects.get(number=self.get("questionnaire_draft"))
        return questionnaire_question_add(version=version, code="seizures", text="Fits?").pk

    def make_unfinished_intake(self):
        """Every step of the intake answered, and not yet finished."""
        from patients.intake.steps import STEP_SLUGS
        from patients.models import Patient

        Patient.objects.filter(pk=self.get("patient_record")).update(
            intake_steps_done=STEP_SLUGS, intake_completed_at=None
        )

    def make_consent_draft(self):
        from patients.consent.editor.services import consent_draft_start

        return consent_draft_start(user=self.user("clinic_admin")).pk

    def make_plan(self):
        from infusions.models import AppointmentType
        from infusions.plans.services import plan_set

        self.get("cleared")
        return plan_set(
            patient=self.get("record"),
            by=self.user("clinician"),
            location=self.get("location"),
            initial_type=AppointmentType.objects.get(kind=AppointmentType.Kind.INITIAL),
        )

    def make_unsigned_record(self):
        """The patient persona's record, before they have signed the consent."""
        from tests.screening.factories import PatientFactory

        return PatientFactory(
            user=self.user("patient"),
            preferred_location=self.get("location"),
            takes_no_medications=True,
        )

    # The links the portal sends, signed for real.
    def make_consultation_token(self):
        from clinic.lib.signed_links import make_token

        return make_token("consultation", self.get("consultation"))

    def make_checklist_token(self):
        from clinic.lib.signed_links import make_token
        from infusions.reminders.content import CHECKLIST_LINK

        return make_token(CHECKLIST_LINK, self.get("appointment"))

    def make_outcomes_token(self):
        from clinic.lib.signed_links import make_token
        from infusions.outcomes.links import OUTCOMES_LINK

        return make_token(OUTCOMES_LINK, self.get("appointment"))

    def make_patient_uidb64(self):
        from django.utils.encoding import force_bytes
        from django.utils.http import urlsafe_base64_encode

        return urlsafe_base64_encode(force_bytes(self.user("patient").pk))

    def make_password_reset_token(self):
        from django.contrib.auth.tokens import default_token_generator

        return default_token_generator.make_token(self.user("patient"))

    def make_info_requested_screening(self):
        """The clinician has asked the patient a question about their answers."""
        from screening.models import ScreeningDecision
        from tests.screening.factories import decide, submit

        screening = submit(self.get("record"))
        outcome = ScreeningDecision.Outcome.INFO_REQUESTED
        question = "Which dose of lithium do you take?"
        return decide(screening, self.user("clinician"), outcome, question_for_patient=question).pk

    def make_claim_token(self):
        """The link of a waitlist offer, e-mailed to the patient persona."""
        from datetime import datetime

        from infusions.models import WaitlistEntry
        from infusions.waitlist.services import waitlist_offer_make
        from infusions.waitlist.tasks import claim_token

        entry = WaitlistEntry.objects.get(pk=self.get("waitlist_entry"))
        offer = waitlist_offer_make(
            chair=self.get("chair"),
            starts_at=datetime.fromisoformat(self.get("free_time")),
            entries=[entry],
            made_by=self.user("front_desk"),
        )
        return claim_token(offer.invites.get().pk)

    def make_totp_device(self):
        """The front desk's authenticator, set up at an earlier sign-in."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from clinic.accounts.second_factor import AUTHENTICATOR_NAME

        return TOTPDevice.objects.create(
            user=self.user("front_desk"), confirmed=True, name=AUTHENTICATOR_NAME
        )
