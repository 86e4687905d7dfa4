"""The shipped pages about the treatment: what it is, how it works, what it treats."""

ABOUT_THE_TREATMENT = [
    {
        "slug": "what-is-ketamine-therapy",
        "title": "What is ketamine therapy?",
        "summary": (
            "Low-dose ketamine, given by IV in a monitored clinic, is used for some hard-to-treat "
            "pain and mood conditions. Here is what it is, and what it is not."
        ),
        "body": """\
Ketamine is a medicine that hospitals have used for more than fifty years. Surgeons and
emergency teams rely on it to put people under anesthesia and to control severe pain, and the
World Health Organization counts it among its essential medicines.

Ketamine therapy uses the same medicine in a very different way. The dose is only a small
fraction of what would be needed for surgery, so you stay awake the whole time. Over the past
twenty years, research has suggested that these low doses may ease certain kinds of long-lasting
pain and may lift symptoms of depression and anxiety, including in people who have already tried
several other treatments without enough relief.

## How our clinic gives it

- **By IV infusion:** a thin tube placed in a vein in your hand or arm delivers the medicine
  slowly and steadily.
- **Over about 40 to 60 minutes,** while you rest in a comfortable chair.
- **With a physician and a registered nurse present** from start to finish, watching your
  blood pressure, heart rate and oxygen level.
- **Only at the clinic.** Infusions are never given to take home or to use on your own.

## What it is not

- **Not a guaranteed fix.** Some people feel better quickly, some improve gradually and some do
  not benefit. No one can predict ahead of time how you will respond.
- **Not the same as recreational use.** Ketamine sold on the street is taken in much larger,
  unmeasured amounts. A medical infusion uses a carefully calculated dose that clinicians adjust
  and supervise.
- **Not a replacement for the rest of your care.** Many patients keep seeing their own doctor,
  psychiatrist, pain specialist or therapist while they have infusions.

## Is it approved?

Ketamine is approved by the US Food and Drug Administration (FDA) as an anesthetic. Giving it by
infusion for chronic pain or mood conditions is called **off-label** use: a licensed physician
prescribes an approved medicine for a purpose that is not printed on its label. This is legal and
common in medicine, but it affects insurance coverage. Our cost and insurance page explains more.

## Where to begin

The first step is a free consultation. You can ask questions, share your history and learn
whether infusions might make sense for you. Before anyone is booked for an infusion, a clinician
reviews their health history, medications and screening answers. Whether treatment is right for
you is always a decision you make together with a clinician.""",
        "nav_order": 10,
    },
    {
        "slug": "how-it-works",
        "title": "How it works",
        "summary": (
            "What scientists think low-dose ketamine does in the brain and nerves, what a course "
            "of infusions looks like, and what an infusion feels like."
        ),
        "body": """\
Scientists are still learning exactly how low-dose ketamine helps, but several parts of the
picture are fairly well understood. Below is a plain-language summary.

## In the brain and nerves

Ketamine acts on the **NMDA receptor**, a switch on nerve cells that responds to glutamate, one of
the main chemical messengers in the brain and spinal cord. By partly blocking this switch,
ketamine changes how nerve signals are passed along.

### For long-lasting pain

When pain goes on for months, the nervous system can become oversensitive. Signals get turned up,
so pain feels stronger than the original cause would explain, and sometimes even a light touch
can hurt. Doctors call this **central sensitization** or "wind-up," and the NMDA receptor plays a
part in it. Calming this receptor may help turn the volume back down.

### For depression and anxiety

Research suggests that ketamine prompts the brain to build new connections between nerve cells,
a process known as **neuroplasticity**. Long periods of stress and depression seem to wear these
connections down. Most standard antidepressants work on other brain chemicals, such as
serotonin, and often take several weeks to help. Ketamine works through a different pathway,
which may be why some people notice a change much sooner.

## A typical course of treatment

There is no single standard schedule, and your clinician will suggest a plan that fits you.
A common pattern looks like this:

- **Initial series:** about six infusions spread over roughly two weeks. Some people need six to
  eight over two to three weeks.
- **Boosters:** after the first series, occasional maintenance infusions as needed, often about
  once a month, to help keep the benefit going.
- **Other rhythms:** some people, particularly those being treated for pain, come weekly or
  several times a week.

## What an infusion feels like

You are awake throughout. Many people describe feeling relaxed, light or dreamlike. Colors,
sounds and your sense of your body may seem different for a while, and light and noise may feel
stronger than usual. These effects are expected and usually fade within 20 to 30 minutes after
the infusion ends.

You stay with us until the care team is satisfied that you are steady. Most people are ready to
leave within about half an hour.

## When you might notice a difference

Responses vary widely. Some people feel a shift within hours of their first infusion, while
others notice change only after two or more. For many, improvement builds gradually over the
series. Keep your care team informed about how you feel between visits so they can adjust the
plan with you.""",
        "nav_order": 20,
    },
    {
        "slug": "conditions-treated",
        "title": "Conditions treated",
        "summary": (
            "The chronic pain conditions and the mood and anxiety conditions for which our clinic "
            "considers ketamine infusions."
        ),
        "body": """\
Ketamine infusions are considered for two broad groups of conditions: long-lasting pain, and mood
and anxiety conditions that have not responded well enough to other care. Seeing your condition
below does not mean infusions are right for you. A clinician looks at your full history before
anything is scheduled.

## Pain conditions

- Fibromyalgia
- Migraine
- Neuropathic (nerve) pain
- Complex regional pain syndrome (CRPS, sometimes called RSD)
- Pain after a spinal cord injury
- Nerve and back pain
- Chronic neck, back and joint pain
- Cancer pain syndrome
- Central pain syndrome
- Diabetic neuropathy
- Pain from multiple sclerosis
- Trigeminal neuralgia

Chronic pain often does more than hurt. It can disturb sleep, make work hard and pull people
away from family and activities they love. When medicines, physical therapy or procedures have
not brought enough relief, a clinician may discuss whether ketamine could be part of your plan.

## Mood and anxiety conditions

- Severe depression, including depression that has not improved with other treatments
- Bipolar depression (the low phase of bipolar disorder)
- Postpartum depression
- Anxiety disorders
- Post-traumatic stress disorder (PTSD)
- Obsessive-compulsive disorder (OCD)
- Suicidal ideation (ongoing thoughts of suicide)

Ketamine is usually considered when a person has already tried other options, such as several
antidepressants or talk therapy, and still struggles. Infusions are often used alongside that
care rather than in place of it.

## If you are in crisis right now

Our clinic is not an emergency service. **If you are thinking about ending your life, call or
text 988** to reach the Suicide & Crisis Lifeline, any time of day or night. **If you or someone
else is in immediate danger, call 911.** Once you are safe, we are glad to talk about whether
ketamine therapy could help.

## Not sure whether your condition fits?

Many people live with more than one of these conditions, or with a diagnosis not named here.
Book a free consultation and tell us about your situation. We will explain honestly whether
infusions may be worth considering, and a clinician will make the medical decision with you.""",
        "nav_order": 30,
    },
]
