"""The content a new install ships with: public pages and FAQ, editable later by a clinic admin."""

PAGES = [
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

FAQ = [
    {
        "category": "About the treatment",
        "entries": [
            {
                "question": "What is a ketamine infusion?",
                "answer": (
                    "It is a low dose of ketamine given slowly through an IV in a vein, usually "
                    "over about 40 to 60 minutes. The dose is far below what is used for surgery, "
                    "so you stay awake while a physician and a registered nurse monitor you."
                ),
            },
            {
                "question": "Will I be unconscious during the infusion?",
                "answer": (
                    "No. You stay awake the whole time. Many people feel relaxed or dreamlike, and "
                    "sounds, colors or the sense of your body may seem different for a while. "
                    "These effects usually fade within 20 to 30 minutes after the infusion ends."
                ),
            },
            {
                "question": "How many infusions will I need?",
                "answer": (
                    "It varies from person to person. A typical first series is about **six "
                    "infusions over roughly two weeks**, followed by booster infusions as needed, "
                    "often about once a month. Your clinician will suggest a schedule that suits "
                    "you and adjust it as you go."
                ),
            },
            {
                "question": "How soon might I feel a difference?",
                "answer": (
                    "Some people notice a change within hours of their first infusion, while "
                    "others need two or more before anything shifts. For many, relief builds "
                    "gradually over the series, and some people do not benefit."
                ),
            },
            {
                "question": "Is this the same ketamine people use recreationally?",
                "answer": (
                    "It is the same medicine, but the way it is used is very different. Street "
                    "use involves much larger, unmeasured amounts. At our clinic, a carefully "
                    "calculated low dose is given under constant medical supervision."
                ),
            },
        ],
    },
    {
        "category": "Is it right for me?",
        "entries": [
            {
                "question": "Which conditions can ketamine infusions help with?",
                "answer": (
                    "Our clinic considers infusions for a range of chronic pain conditions, such "
                    "as fibromyalgia, migraine and CRPS, and for mood and anxiety conditions, such "
                    "as treatment-resistant depression, PTSD and OCD. See the conditions page for "
                    "the full list."
                ),
            },
            {
                "question": "Who should not have ketamine?",
                "answer": (
                    "Ketamine is not given during pregnancy or breastfeeding, during a manic "
                    "phase or active psychosis, or with unstable heart disease, uncontrolled high "
                    "blood pressure, raised pressure in the skull or eye, a past aneurysm or a "
                    "ketamine allergy. Other conditions need a closer look. **A clinician reviews "
                    "every screening answer** before any infusion is booked."
                ),
            },
            {
                "question": "Do any of my medications interact with ketamine?",
                "answer": (
                    "Some do. **MAOIs are not compatible** with ketamine. High-dose lamotrigine "
                    "(Lamictal), opioid pain medicines and benzodiazepines such as Xanax, Ativan, "
                    "Klonopin or Valium can make it work less well. List everything you take so a "
                    "clinician can review it, and never stop a medicine on your own."
                ),
            },
            {
                "question": "Should I stop taking my usual medications before an infusion?",
                "answer": (
                    "No, keep taking them as usual unless the clinic specifically tells you "
                    "otherwise. Anti-inflammatory pain relievers and muscle relaxants normally "
                    "need no change. If an adjustment makes sense, a clinician will plan it "
                    "with you."
                ),
            },
        ],
    },
    {
        "category": "Your visit",
        "entries": [
            {
                "question": "Do I need to fast before my infusion?",
                "answer": (
                    "Yes. Eat nothing for **6 hours** before your infusion. Clear liquids, such as "
                    "water, are fine until **2 hours** before. For a morning appointment, that "
                    "simply means nothing to eat after midnight."
                ),
            },
            {
                "question": "Can I drive myself home?",
                "answer": (
                    "No. An adult must drive you home after every infusion, and you should not "
                    "drive at all for the rest of that day. Please arrange your ride before you "
                    "come in."
                ),
            },
            {
                "question": "What should I bring?",
                "answer": (
                    "Bring a **valid photo ID**, since treatment cannot begin without it. We also "
                    "need your complete medication list before your first visit. Comfortable "
                    "clothes and headphones or an eye mask can help you relax."
                ),
            },
            {
                "question": "How long will I be at the clinic?",
                "answer": (
                    "The infusion itself takes about 40 to 60 minutes. After that, you rest until "
                    "the team sees that you are steady, which for most people is within about "
                    "half an hour. Plan for a quiet, restful day afterward."
                ),
            },
        ],
    },
    {
        "category": "Safety and side effects",
        "entries": [
            {
                "question": "What side effects might I have?",
                "answer": (
                    "Common ones include blurred vision, drowsiness, dizziness, nausea or "
                    "vomiting, raised blood pressure, changes in perception, vivid dreams and "
                    "confusion. They usually pass soon after the infusion. Rare but serious "
                    "effects include a spasm of the vocal cords (laryngospasm) and allergic "
                    "reactions."
                ),
            },
            {
                "question": "Who watches over me during the infusion?",
                "answer": (
                    "A physician and a registered nurse are present the whole time. They check "
                    "your blood pressure, heart rate and oxygen level, and they can slow or stop "
                    "the infusion if needed."
                ),
            },
            {
                "question": "Can ketamine be addictive?",
                "answer": (
                    "At the low, infrequent doses given in a medical setting, the risk is "
                    "considered low. It is higher for people with a history of drug or alcohol "
                    "misuse, so please mention any such history. The clinician will take it into "
                    "account when planning your care."
                ),
            },
            {
                "question": "What should I do if I am in crisis?",
                "answer": (
                    "Our clinic is not an emergency service. **If you are having thoughts of "
                    "suicide, call or text 988** to reach the Suicide & Crisis Lifeline, any time. "
                    "**If you or someone else is in immediate danger, call 911.**"
                ),
            },
        ],
    },
    {
        "category": "Cost and booking",
        "entries": [
            {
                "question": "Does insurance pay for ketamine infusions?",
                "answer": (
                    "Usually not. Using ketamine infusions for pain and mood conditions is "
                    "off-label, meaning the FDA has not approved it for these uses, so insurers "
                    "generally do not reimburse it. Most patients pay for treatment themselves."
                ),
            },
            {
                "question": "How much does treatment cost?",
                "answer": (
                    "Cost depends on how many infusions you need. Our clinic explains its fees in "
                    "full at your free consultation, before you agree to anything, so you can "
                    "ask about the price of a single infusion and of a full series."
                ),
            },
            {
                "question": "What happens at the free consultation?",
                "answer": (
                    "It is a no-cost, no-commitment conversation. We answer your questions, "
                    "explain how treatment and fees work, and begin the health review that a "
                    "clinician must complete before any infusion is booked. You can request one "
                    "online at the location that suits you."
                ),
            },
            {
                "question": "Can I stop treatment if I change my mind?",
                "answer": (
                    "Yes. You can choose to stop at any point, including partway through a "
                    "series. Talk it over with your clinician so they can help you plan what "
                    "comes next."
                ),
            },
        ],
    },
]
