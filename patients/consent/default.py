"""The consent a new clinic starts with (version 1.0), written from the clinic's facts.

Clinic admins edit it in the portal; this is only the first version.
"""

TITLE = "Consent to ketamine infusion treatment"

INTRODUCTION = """This form explains the ketamine infusion treatment offered at this clinic: what it
involves, what it may and may not do, and what we ask of you. Please read each part carefully
before you sign. If anything is unclear, ask us first; you do not need to sign until all of your
questions have been answered."""

SECTIONS = (
    {
        "key": "treatment",
        "heading": "What the treatment is",
        "body": """Ketamine is a medicine that doctors have used for many years to put people to
sleep for surgery. Here, you receive a much smaller dose. It flows slowly into a vein through a
thin tube called an IV. Each infusion takes about 40 to 60 minutes, and you stay awake the whole
time.

A physician and a registered nurse are present during your infusion. They watch you closely and
keep checking your blood pressure, heart rate and oxygen level. When the infusion ends, you rest
at the clinic until the team sees that you are steady. Most people are ready to leave within
about 30 minutes.

A typical first series is six infusions over about two weeks. After that, many people come back
for booster infusions when they need them, often about once a month. Your clinician will talk
with you about a schedule that suits you, and it may change over time.""",
    },
    {
        "key": "off_label",
        "heading": "Off-label use",
        "body": """The U.S. Food and Drug Administration (FDA) has approved ketamine as an
anesthetic, a medicine used to put people to sleep for surgery and other procedures. The FDA has
not approved ketamine given by IV to treat pain, depression or other mood conditions. Using an
approved medicine for a purpose that is not on its official label is called "off-label" use. The
IV treatment this clinic offers is off-label.

In 2019, the FDA approved a nasal spray made from a form of ketamine, called esketamine, for
depression that has not improved with other treatments. That approval covers only the nasal
spray, not the infusions given here.

Research on ketamine infusions is still going on, and results differ from person to person. Some
people feel better within hours, some improve slowly over several visits, and some do not
improve. No one can promise that the treatment will work for you or how long any benefit will
last.""",
    },
    {
        "key": "risks",
        "heading": "Risks and side effects",
        "body": """Most people handle low-dose ketamine well, but side effects are common during
and shortly after an infusion. They may include:

- blurred vision, drowsiness or dizziness
- nausea or vomiting
- a rise in blood pressure
- feeling detached from your body or surroundings, or noticing sights and sounds differently
  (this is called dissociation)
- vivid dreams or confusion

These effects usually fade within about 20 to 30 minutes after the infusion ends. If something
feels strange or upsetting, tell the team; they are right there with you.

Rarely, a serious problem can happen, such as laryngospasm (a sudden tightening of the vocal cords
that makes breathing hard) or an allergic reaction. The team is trained and equipped to respond.

Ketamine can be misused, and people who have misused drugs in the past may be at risk of
dependence. Please tell us about any history of substance use. Also tell us right away if your
medicines change, or if you are or might be pregnant.""",
    },
    {
        "key": "alternatives",
        "heading": "Other options",
        "body": """Ketamine infusion is only one choice. Depending on your condition, other
options may include:

- staying on your current medicines, or changing the type or dose with your prescriber
- talk therapy (psychotherapy)
- other treatments or procedures for pain
- esketamine nasal spray, for depression that has not improved with other treatments
- choosing not to start any new treatment for now

Each option has its own possible benefits and risks, and not every option fits every person. Our
clinician can explain how ketamine infusion compares, but please also talk these choices over
with your own doctors, including anyone who already treats your condition. Unless the clinic
tells you otherwise, keep taking your usual medicines while you have ketamine treatment.""",
    },
    {
        "key": "escort_and_driving",
        "heading": "Getting home safely and preparing for each visit",
        "body": """Ketamine can affect you for hours after an infusion, even when you feel fine.
Some people feel drowsy or find it harder to think clearly or walk steadily for a while. For your
safety:

- An adult must drive you home after every infusion.
- For the rest of that day, do not drive, use machinery or make important decisions. Plan a
  quiet, restful day.

Before each visit:

- Do not eat anything for 6 hours before your infusion. You may have water and other clear
  liquids until 2 hours before. For a morning visit, this usually means nothing to eat after
  midnight.
- Bring a valid photo ID.

If you arrive without a driver or without photo ID, we will not start your infusion that day.
We would rather reschedule than put your safety at risk.""",
    },
    {
        "key": "payment",
        "heading": "Paying for treatment",
        "body": """Because ketamine infusions for pain and mood conditions are off-label, health
insurance plans generally do not pay for them. This usually includes government programs such as
Medicare and Medicaid.

This means you pay the clinic directly for your treatment. Please ask us what your care is likely
to cost before you book, including the first series and any booster infusions you may need later.
Since treatment often continues over months, it helps to plan ahead.

You are welcome to check with your insurance plan about your own coverage, but please do not count
on being paid back. By signing this form, you accept that you are responsible for paying for the
treatment you receive.""",
    },
    {
        "key": "right_to_stop",
        "heading": "Your right to stop",
        "body": """Having this treatment is always your choice. You may ask to stop an infusion at
any point, and you may decide to end the whole treatment at any time. You do not have to give a
reason. Stopping will not affect the way the clinic treats you or any other care you receive.

If you want to stop during an infusion, just tell the nurse or physician. They will stop it and
keep watching you until you are steady and ready to go home with your driver.

You may also withdraw this consent at any time by telling the clinic in writing. Withdrawing
applies from that point on; it does not undo treatment you have already had. Your clinician can
talk with you about what stopping may mean for you.""",
    },
    {
        "key": "emergencies",
        "heading": "Emergencies",
        "body": """During your visit, the team watches you closely. If a medical emergency
happens, they will give you emergency care right away. If needed, they will call 911 and arrange
for you to be taken to a hospital. By signing, you agree to this emergency care and transfer.

After you leave the clinic:

- If you have a medical emergency, call 911.
- If you have thoughts of suicide, call or text 988, the Suicide & Crisis Lifeline. You can reach
  it at any hour of the day or night.
- If you have symptoms that worry you or questions about how you feel, call the clinic.

If you notice any unusual changes in your body or mind after a treatment, do not drive, drink
alcohol or use drugs, and contact the clinic or your own doctor.""",
    },
    {
        "key": "acknowledgement",
        "heading": "Your agreement",
        "body": """By signing below, I confirm that:

- I have read this form, or had it read to me, and I understand it.
- I had the chance to ask questions, and my questions were answered.
- I understand what the treatment involves, its risks and side effects, and the other options
  open to me.
- I understand that this use of ketamine is off-label, that results are not guaranteed, and that
  I will pay for treatment myself.
- I understand that an adult must drive me home after each infusion and that I must not drive
  for the rest of that day.
- The health and medication information I gave the clinic is complete and accurate, and I will
  tell the clinic about any changes, including new medicines or a pregnancy.
- I know I may stop treatment or withdraw my consent at any time.

I freely agree to receive ketamine infusion treatment at this clinic.""",
    },
)
