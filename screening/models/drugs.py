"""The drug catalogue that patients' medications are matched against."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ..matching import CatalogueEntry


class DrugQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def as_catalogue(self) -> list[CatalogueEntry]:
        """Plain entries for the matcher, which never touches the database."""
        return [drug.as_entry() for drug in self.order_by("generic_name")]


class Drug(models.Model):
    """A drug the screening recognises in a patient's medication list, and what it means for
    a ketamine infusion. Clinicians keep the catalogue; every change is kept in the history.
    """

    class DrugClass(models.TextChoices):
        MAOI = "maoi", "MAOI"
        BENZODIAZEPINE = "benzodiazepine", "Benzodiazepine"
        OPIOID = "opioid", "Opioid"
        LAMOTRIGINE = "lamotrigine", "Lamotrigine"
        NSAID = "nsaid", "Anti-inflammatory (NSAID)"
        MUSCLE_RELAXANT = "muscle_relaxant", "Muscle relaxant"

    class Severity(models.TextChoices):
        ABSOLUTE = "absolute", "Absolute (not compatible)"
        REDUCED_EFFECTIVENESS = "reduced_effectiveness", "Reduced effectiveness"
        NONE = "none", "No change needed"

    generic_name = models.CharField(
        max_length=120,
        unique=True,
        help_text=(
            "Lowercase generic name; a combination product names its parts "
            "(“oxycodone and acetaminophen”)."
        ),
    )
    brand_names = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            "Every name patients may know it by: current and discontinued brands, and "
            "combination products that contain it. Matching ignores case and punctuation."
        ),
    )
    drug_class = models.CharField(
        max_length=30,
        choices=DrugClass.choices,
        help_text="For a combination product, the class of its most severe component.",
    )
    severity = models.CharField(
        max_length=30,
        choices=Severity.choices,
        help_text=(
            "What a patient taking it means for ketamine. Absolute: an MAOI, never compatible; "
            "the infusion cannot be booked until a clinician overrides with a reason. Reduced "
            "effectiveness: benzodiazepines, opioids and high-dose lamotrigine make ketamine "
            "work less well; the clinician is told. No change needed: anti-inflammatories, "
            "muscle relaxants."
        ),
    )
    notes = models.TextField(blank=True, help_text="For clinicians: dose thresholds, sources.")
    is_active = models.BooleanField(
        default=True,
        help_text=(
            "Only active drugs are matched. A patient's medication that matches none is "
            "flagged as unrecognized for a clinician."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = DrugQuerySet.as_manager()

    class Meta:
        ordering = ["generic_name"]
        constraints = [
            # The screening rule, kept by the database: whoever edits the catalogue, an MAOI
            # can never be downgraded below "not compatible".
            models.CheckConstraint(
                condition=~Q(drug_class="maoi") | Q(severity="absolute"),
                name="drug_maoi_is_absolute",
                violation_error_message=(
                    "An MAOI is never compatible with ketamine: its severity must be absolute."
                ),
            ),
            models.CheckConstraint(
                condition=Q(severity__in=["absolute", "reduced_effectiveness", "none"]),
                name="drug_severity_is_known",
            ),
            models.CheckConstraint(
                condition=Q(
                    drug_class__in=[
                        "maoi",
                        "benzodiazepine",
                        "opioid",
                        "lamotrigine",
                        "nsaid",
                        "muscle_relaxant",
                    ]
                ),
                name="drug_class_is_known",
            ),
        ]

    def __str__(self):
        return self.generic_name

    def as_entry(self) -> CatalogueEntry:
        return CatalogueEntry(
            generic_name=self.generic_name,
            brand_names=tuple(self.brand_names),
            drug_class=self.drug_class,
            severity=self.severity,
        )
