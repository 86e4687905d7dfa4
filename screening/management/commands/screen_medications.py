"""Try the drug catalogue on medications typed as a patient would.

    python manage.py screen_medications "xanax .5mg" "nardil"
    printf 'klonopine\nfish oil\n' | python manage.py screen_medications

One JSON object per input line, in order: {"input", "generic", "drug_class", "severity"},
null where nothing in the catalogue matched (the portal flags those as unrecognized).
"""

import json
import sys

from django.core.management.base import BaseCommand

from screening.matching import screen
from screening.models import Drug


class Command(BaseCommand):
    help = (
        "Match medications, as patients type them, against the active drug catalogue and "
        "print one JSON object per input (from the arguments, or else one per line of "
        "standard input)."
    )

    def add_arguments(self, parser):
        parser.add_argument("medications", nargs="*", help="Medications as patients type them.")

    def handle(self, *args, medications, **options):
        lines = medications or sys.stdin.read().splitlines()
        catalogue = Drug.objects.active().as_catalogue()
        for result in screen(lines, catalogue):
            self.stdout.write(json.dumps(result))
