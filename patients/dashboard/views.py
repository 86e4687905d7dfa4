"""The patient's home page, put together from the sections the apps registered."""

from django.template.loader import render_to_string
from django.views.generic import TemplateView

from ..selectors import patient_for_request
from . import sections


class DashboardView(TemplateView):
    """What is done and what comes next, for the signed-in patient."""

    template_name = "patients/dashboard/home.html"

    def get_context_data(self, **kwargs):
        patient = patient_for_request(self.request)
        steps, upcoming = [], []
        for section in sections.registered():
            context = {"patient": patient, **section.context(self.request, patient)}
            if section.step_template:
                steps.append(render_to_string(section.step_template, context, self.request))
            if section.upcoming_template:
                cards = render_to_string(section.upcoming_template, context, self.request)
                if cards.strip():
                    upcoming.append(cards)
        return {"patient": patient, "steps": steps, "upcoming": upcoming}
