"""The patient's own data: the page, the two downloads, and asking to close the account."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from ..selectors import patient_for_request
from .forms import ClosureRequestForm
from .pdf import patient_data_pdf
from .selectors import closure_request_open, patient_data
from .services import closure_request


def _attachment(content, *, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    day = timezone.now().date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="my-data-{day}.{extension}"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def my_data(request):
    patient = patient_for_request(request)
    pending = closure_request_open(patient)
    form = ClosureRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and pending is None and form.is_valid():
        try:
            closure_request(patient, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "We have your request. The clinic will close your account soon."
            )
            return redirect("patients:my_data")
    return render(
        request,
        "patients/rights/my_data.html",
        {"patient": patient, "form": form, "pending": pending},
    )


@require_GET
def my_data_json(request):
    patient = patient_for_request(request)
    content = json.dumps(patient_data(patient), indent=2, ensure_ascii=False)
    return _attachment(content, content_type="application/json", extension="json")


@require_GET
def my_data_pdf(request):
    patient = patient_for_request(request)
    name = patient.legal_name or request.user.get_full_name() or request.user.email
    pdf = patient_data_pdf(patient_data(patient), patient_name=name)
    return _attachment(pdf, content_type="application/pdf", extension="pdf")
