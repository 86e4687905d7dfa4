"""The reports page and its CSV exports, for clinic admins."""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from clinic.accounts.permissions import StaffRequiredMixin
from clinic.locations.models import Location

from ..permissions import VIEW_REPORTS
from .charts import report_charts
from .exports import EXPORTS, as_csv, table
from .forms import ReportForm
from .selectors import clinic_reports


def _form(params) -> ReportForm:
    locations = list(Location.objects.listed())
    default = next((loc for loc in locations if loc.is_open_for_booking), None)
    default = default or (locations[0] if locations else None)
    today = default.local_time().date() if default else timezone.localdate()
    return ReportForm.from_query(params, today=today, location=default)


def _reports(form: ReportForm):
    data = form.cleaned_data
    return clinic_reports(location=data["location"], first=data["first"], last=data["last"])


class ReportsView(StaffRequiredMixin, TemplateView):
    permissions = (VIEW_REPORTS,)
    template_name = "infusions/reports/reports.html"

    def get_context_data(self, **kwargs):
        form = _form(self.request.GET)
        context = {"form": form, "has_location": Location.objects.exists()}
        if form.is_valid():
            reports = _reports(form)
            context |= {
                "reports": reports,
                "charts": report_charts(reports),
                "query": urlencode(
                    {
                        "location": reports.period.location.pk,
                        "first": reports.period.first.isoformat(),
                        "last": reports.period.last.isoformat(),
                    }
                ),
                "exports": EXPORTS,
            }
        return super().get_context_data(**kwargs) | context


@method_decorator(never_cache, name="dispatch")
class ReportCsvView(StaffRequiredMixin, View):
    """One report's table as CSV, for the location and days of the query string."""

    permissions = (VIEW_REPORTS,)

    def get(self, request, report):
        if report not in EXPORTS:
            raise Http404
        form = _form(request.GET)
        if not form.is_valid():
            problems = "; ".join(e for errors in form.errors.values() for e in errors)
            return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")
        reports = _reports(form)
        period = reports.period
        response = HttpResponse(
            as_csv(table(report, reports)), content_type="text/csv; charset=utf-8"
        )
        name = f"{report}-{period.location.slug}-{period.first:%Y-%m-%d}-{period.last:%Y-%m-%d}"
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
