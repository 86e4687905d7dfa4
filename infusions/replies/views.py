from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from clinic.lib.phone import normalize_phone
from clinic.lib.sms import provider_signature_valid

from ..reminders.services import sms_start, sms_stop

STOP_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"}
START_WORDS = {"START", "UNSTOP", "YES"}
# The provider reads an empty answer as "nothing to reply".
EMPTY_ANSWER = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


@login_not_required
@csrf_exempt  # the provider cannot hold a CSRF token; its signature stands in for one
@require_POST
def sms_inbound(request):
    """A patient's reply, posted by the provider and signed with the account's token over
    the address it called (SITE_URL's) and the form's fields."""
    url = settings.SITE_URL.rstrip("/") + request.path
    params = request.POST.dict()
    if not provider_signature_valid(url, params, request.headers.get("X-Twilio-Signature", "")):
        return HttpResponseForbidden("Signature not valid.")
    try:
        phone = normalize_phone(params.get("From", ""))
    except ValidationError:
        phone = ""
    word = params.get("Body", "").strip().upper()
    if phone and word in STOP_WORDS:
        sms_stop(phone=phone)
    elif phone and word in START_WORDS:
        sms_start(phone=phone)
    return HttpResponse(EMPTY_ANSWER, content_type="text/xml")
