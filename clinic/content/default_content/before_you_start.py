"""The shipped pages for someone getting ready: preparing, side effects, who should not have
it, cost, and the disclaimer."""

BEFORE_YOU_START = [
    {
        "slug": "preparing-for-treatment",
        "title": "Preparing for treatment",
        "summary": (
            "What to bring, when to stop eating and drinking, who drives you home, and how to plan "
            "the rest of your day around an infusion."
        ),
        "body": """\
A little planning makes infusion day safer and calmer. Here is what to do before, during and
after your visit. If anything here is unclear, or hard for you to arrange, call the clinic ahead
of time.

## Before your first visit

- **Send us a complete list of your medications.** Include prescriptions, over-the-counter
  medicines, vitamins and supplements, with the dose and how often you take each one. We need
  this before your first infusion, because some medicines interact with ketamine.
- **Keep taking your usual medications** unless the clinic tells you to change something. Please
  do not stop or skip any medicine on your own.
- **Arrange a driver.** An adult you trust must take you home. You may not drive yourself, and
  you should not drive again for the rest of that day.

## Eating and drinking

Ketamine can cause nausea, so an empty stomach is safer.

- **No food for 6 hours** before your infusion.
- **Clear liquids are fine until 2 hours before,** such as water or clear juice without pulp.
  If you are unsure whether a drink counts, ask the clinic.
- **Morning appointment?** Simply have nothing to eat after midnight.

## On the day

- **Bring a valid photo ID.** Treatment cannot begin without it.
- Wear loose, comfortable clothing with sleeves that roll up easily.
- Bring anything that helps you relax, such as headphones, an eye mask or a light blanket.
- Come with your driver, or make sure they know when and where to pick you up.

## During the infusion

The infusion itself lasts about **40 to 60 minutes**. You stay awake, resting in a chair, while a
physician and a registered nurse keep watch and check your blood pressure, heart rate and oxygen
level.

When the infusion ends, you stay for a short recovery period. The effects usually wear off within
20 to 30 minutes, and we will not let you leave until the team sees that you are steady.

## After you go home

- Plan a quiet, restful day. You may feel drowsy, a little unsteady or foggy for a few hours.
- Do not drive, operate machinery or make important decisions for the rest of the day.
- If anything feels unusual or worrying, call the clinic or your doctor. In an emergency,
  call 911.

## A quick checklist

- Medication list sent
- Driver arranged
- Last meal at least 6 hours before; last clear drink at least 2 hours before
- Photo ID in your bag
- Rest of the day kept free""",
        "nav_order": 40,
    },
    {
        "slug": "side-effects",
        "title": "Side effects and safety",
        "summary": (
            "The side effects people commonly notice, the rare ones our team watches for, and how "
            "a physician and registered nurse monitor you during every infusion."
        ),
        "body": """\
Most people handle low-dose ketamine well, but like any medicine it can cause side effects. Most
are mild and short-lived, and they tend to fade within half an hour or so after the infusion
stops. Knowing what to expect can make the experience less worrying.

## Common side effects

- Blurred vision
- Drowsiness
- Dizziness or feeling lightheaded
- Nausea, and sometimes vomiting
- A rise in blood pressure
- Changes in perception, such as sounds, colors, time or your own body feeling different
- Vivid dreams
- Confusion

These effects usually pass during recovery. If nausea is a concern for you, tell the team. The
fasting instructions on our preparation page also help lower the chance of an upset stomach.

## Rare but serious side effects

- **Laryngospasm:** a sudden tightening of the vocal cords that can make it hard to breathe.
- **Allergic reaction,** which in very rare cases can be severe.

These are uncommon at the low doses used for therapy, and they are part of the reason infusions
are only given in a clinic where trained staff and equipment are close at hand.

## How we keep watch

A **physician** and a **registered nurse** are present for your whole infusion. Throughout, they
monitor:

- your **blood pressure**
- your **heart rate**
- your **oxygen level**

They can slow or stop the infusion at any time if your readings or your comfort call for it. Tell
them right away if you feel unwell, anxious or uncomfortable at any point.

## Before and after the infusion

Safety starts before your first visit. A clinician reviews your health history, medications and
screening answers, and no infusion is booked until that review is done.

After the infusion, you stay until the team is satisfied you are steady. For a few hours
afterward you may feel tired, unsteady or mentally slow, so you must not drive for the rest of
the day. If you notice anything unusual once you are home, avoid alcohol and other drugs, rest,
and contact the clinic or your doctor.

## A word about dependence

At the low, infrequent doses given under medical supervision, the risk of misuse is considered
low. It is higher for people who have struggled with drugs or alcohol before. If that is part of
your history, please say so. It does not automatically rule you out, and it helps the clinician
plan your care safely.""",
        "nav_order": 50,
    },
    {
        "slug": "reasons-to-avoid",
        "title": "Reasons to avoid or review",
        "summary": (
            "Health conditions and medications that rule out ketamine, call for a closer look, or "
            "may weaken its effect. A clinician reviews every answer."
        ),
        "body": """\
Ketamine is not safe or suitable for everyone. During intake you will answer screening questions
and list every medication you take. **A clinician reviews every answer before any infusion is
booked.** The lists below help you understand what they look for. They do not replace that
review, so please answer openly even if you are unsure whether something matters.

## Conditions that rule out treatment

Ketamine infusions are not given if any of these apply, unless a clinician has reviewed your
situation and recorded a clear medical reason to proceed:

- Pregnancy
- Breastfeeding
- Being in a manic phase of bipolar disorder right now
- Active psychotic symptoms, such as hallucinations or delusions
- Unstable heart disease
- High blood pressure that is not under control
- Raised pressure inside the skull or inside the eye
- A history of aneurysm
- A known allergy to ketamine
- Taking an **MAOI** (monoamine oxidase inhibitor) medication, because ketamine is not
  compatible with MAOIs

## Conditions that need a closer look

These do not automatically rule you out, but a clinician will talk them through with you first:

- Current substance use problems, or a past history of drug misuse, since ketamine carries a
  risk of dependence
- Interstitial cystitis (a long-term bladder condition)
- Veins that are hard to find or use for an IV
- Thyroid disease that is not being treated

## Medications that may weaken the effect

These medicines can make ketamine work less well. Tell the clinician if you take any of them:

- High doses of lamotrigine (Lamictal)
- Opioid pain medicines
- Benzodiazepines, for example lorazepam (Ativan), clonazepam (Klonopin), diazepam (Valium)
  and alprazolam (Xanax)

**Do not stop or lower any of these on your own.** Stopping some of them suddenly can be
dangerous. If a change makes sense, the clinician will plan it with you and, where needed, with
the doctor who prescribes it.

## Usually no change needed

- Anti-inflammatory pain relievers
- Muscle relaxants

You can normally keep taking these as usual. Please still include them on your medication list.

## If your situation changes

Tell the clinic before your next infusion if you become pregnant, start or stop a medicine, are
diagnosed with a new condition or notice new symptoms. Your answers are reviewed again, and the
plan may change to keep you safe.""",
        "nav_order": 60,
    },
    {
        "slug": "cost-and-insurance",
        "title": "Cost and insurance",
        "summary": (
            "Why insurance usually does not cover ketamine infusions, what a typical course "
            "involves, and how our clinic explains its fees at a free consultation."
        ),
        "body": """\
We want you to understand the costs clearly before you commit to anything. Here is how payment
for ketamine infusions usually works.

## Why insurance usually does not pay

Ketamine is FDA-approved as an anesthetic. Using IV infusions to treat chronic pain, depression
and the other conditions on our conditions page is **off-label**: the FDA has not approved
ketamine for these uses. In 2019, a nasal spray form was approved for treatment-resistant
depression, but that approval does not extend to IV infusions.

Because these infusions are off-label, health insurers, including government programs such as
Medicare and Medicaid, generally do not reimburse them. Most patients therefore pay for their
treatment themselves. The consent form you sign before treatment states this plainly, so there
are no surprises later. If you would like to check your own plan, you can ask your insurer
directly.

## What a course of treatment involves

Cost depends on how many infusions you need, which varies from person to person. As a guide:

- **Initial series:** typically about six infusions over roughly two weeks.
- **Boosters:** after that, maintenance infusions as needed, often around once a month.
- **Other schedules:** some people, especially those treated for pain, come weekly or more often.

Your clinician will suggest a plan based on your condition and how you respond, and you can
revisit it together along the way.

## How fees are explained

Our clinic explains its fees in full at your **free consultation**, before you agree to any
treatment. This is a good time to ask:

- what a single infusion costs, and what a full initial series costs
- what is included in each visit
- how and when payment is taken
- what happens if you need to reschedule or stop

## Weighing the cost

Ketamine infusions generally cost more than many pills taken by mouth. Some people weigh that
against what their condition already costs them, such as missed work, repeated appointments or
treatments that have not helped. Only you can decide what makes sense for your situation, and
there is no pressure to decide at the consultation.

## The free consultation

The consultation costs nothing and does not commit you to treatment. You can book one online at
the location that suits you. We will answer your questions, explain fees and next steps, and
start the health review a clinician must complete before any infusion is scheduled.""",
        "nav_order": 70,
    },
    {
        "slug": "medical-disclaimer",
        "title": "Medical disclaimer",
        "summary": (
            "This website offers general information only. It is not medical advice and does not "
            "replace care from your own doctor. In an emergency, call 911."
        ),
        "body": """\
Please read this page carefully. It explains what the information on this website can and
cannot do for you.

## General information only

Everything on this website is provided for general education. It describes ketamine therapy and
how our clinic works, but it is **not medical advice**. It cannot take your personal history,
your other conditions or your medicines into account, and it should not be used to diagnose or
treat any health problem.

Decisions about your care belong with qualified clinicians who know your situation. Please talk
to your own doctor or another healthcare provider before starting, stopping or changing any
treatment, and do not delay seeking care because of something you read here.

## No doctor-patient relationship

Reading this website, filling in a form or sending us a message does **not** create a
doctor-patient relationship. That relationship begins only once a clinician has evaluated you
and you have agreed to care with our clinic.

## Results vary

People respond to ketamine in different ways, and there is no way to know in advance how any one
person will react. Stories, research findings and descriptions on this site are not promises of
any particular result.

## Information can change

Medical knowledge moves quickly. We work to keep this site accurate, but the information here may
not be complete or fully up to date. Relying on it is at your own risk, and your clinician's
advice always takes priority over anything you read here.

## In an emergency

This website and our online forms are **not monitored for emergencies**.

- **If you think you are having a medical emergency, call 911** or go to the nearest emergency
  room right away.
- **If you are having thoughts of suicide, or are worried about someone else, call or text 988**
  to reach the Suicide & Crisis Lifeline. It is free, confidential and open 24 hours a day.

## After an infusion

If you notice unusual physical or mental symptoms after a treatment, contact your physician or
the clinic. Until you feel back to normal, do not drive, drink alcohol, use drugs or do anything
that needs clear judgment or steady coordination.""",
        "nav_order": 80,
    },
]
