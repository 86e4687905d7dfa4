from django.db import migrations
from django.utils import timezone

# Version 1.0 as shipped, frozen here: editing patients/consent/default.py later must not
# change what a fresh install publishes as 1.0.
TITLE = 'Consent to ketamine infusion treatment'

INTRODUCTION = ('This form explains the ketamine infusion treatment offered at this clinic: what it\n'
 'involves, what it may and may not do, and what we ask of you. Please read each part '
 'carefully\n'
 'before you sign. If anything is unclear, ask us first; you do not need to sign until all of '
 'your\n'
 'questions have been answered.')

SECTIONS = [{'key': 'treatment',
  'heading': 'What the treatment is',
  'body': 'Ketamine is a medicine that doctors have used for many years to put people to\n'
          'sleep for surgery. Here, you receive a much smaller dose. It flows slowly into a '
          'vein through a\n'
          'thin tube called an IV. Each infusion takes about 40 to 60 minutes, and you stay '
          'awake the whole\n'
          'time.\n'
          '\n'
          'A physician and a registered nurse are present during your infusion. They watch you '
          'closely and\n'
          'keep checking your blood pressure, heart rate and oxygen level. When the infusion '
          'ends, you rest\n'
          'at the clinic until the team sees that you are steady. Most people are ready to '
          'leave within\n'
          'about 30 minutes.\n'
          '\n'
          'A typical first series is six infusions over about two weeks. After that, many '
          'people come back\n'
          'for booster infusions when they need them, often about once a month. Your clinician '
          'will talk\n'
          'with you about a schedule that suits you, and it may change over time.'},
 {'key': 'off_label',
  'heading': 'Off-label use',
  'body': 'The U.S. Food and Drug Administration (FDA) has approved ketamine as an\n'
          'anesthetic, a medicine used to put people to sleep for surgery and other '
          'procedures. The FDA has\n'
          'not approved ketamine given by IV to treat pain, depression or other mood '
          'conditions. Using an\n'
          'approved medicine for a purpose that is not on its official label is called '
          '"off-label" use. The\n'
          'IV treatment this clinic offers is off-label.\n'
          '\n'
          'In 2019, the FDA approved a nasal spray made from a form of ketamine, called '
          'esketamine, for\n'
          'depression that has not improved with other treatments. That approval covers only '
          'the nasal\n'
          'spray, not the infusions given here.\n'
          '\n'
          'Research on ketamine infusions is still going on, and results differ from person to '
          'person. Some\n'
          'people feel better within hours, some improve slowly over several visits, and some '
          'do not\n'
          'improve. No one can promise that the treatment will work for you or how long any '
          'benefit will\n'
          'last.'},
 {'key': 'risks',
  'heading': 'Risks and side effects',
  'body': 'Most people handle low-dose ketamine well, but side effects are common during\n'
          'and shortly after an infusion. They may include:\n'
          '\n'
          '- blurred vision, drowsiness or dizziness\n'
          '- nausea or vomiting\n'
          '- a rise in blood pressure\n'
          '- feeling detached from your body or surroundings, or noticing sights and sounds '
          'differently\n'
          '  (this is called dissociation)\n'
          '- vivid dreams or confusion\n'
          '\n'
          'These effects usually fade within about 20 to 30 minutes after the infusion ends. '
          'If something\n'
          'feels strange or upsetting, tell the team; they are right there with you.\n'
          '\n'
          'Rarely, a serious problem can happen, such as laryngospasm (a sudden tightening of '
          'the vocal cords\n'
          'that makes breathing hard) or an allergic reaction. The team is trained and '
          'equipped to respond.\n'
          '\n'
          'Ketamine can be misused, and people who have misused drugs in the past may be at '
          'risk of\n'
          'dependence. Please tell us about any history of substance use. Also tell us right '
          'away if your\n'
          'medicines change, or if you are or might be pregnant.'},
 {'key': 'alternatives',
  'heading': 'Other options',
  'body': 'Ketamine infusion is only one choice. Depending on your condition, other\n'
          'options may include:\n'
          '\n'
          '- staying on your current medicines, or changing the type or dose with your '
          'prescriber\n'
          '- talk therapy (psychotherapy)\n'
          '- other treatments or procedures for pain\n'
          '- esketamine nasal spray, for depression that has not improved with other '
          'treatments\n'
          '- choosing not to start any new treatment for now\n'
          '\n'
          'Each option has its own possible benefits and risks, and not every option fits '
          'every person. Our\n'
          'clinician can explain how ketamine infusion compares, but please also talk these '
          'choices over\n'
          'with your own doctors, including anyone who already treats your condition. Unless '
          'the clinic\n'
          'tells you otherwise, keep taking your usual medicines while you have ketamine '
          'treatment.'},
 {'key': 'escort_and_driving',
  'heading': 'Getting home safely and preparing for each visit',
  'body': 'Ketamine can affect you for hours after an infusion, even when you feel fine.\n'
          'Some people feel drowsy or find it harder to think clearly or walk steadily for a '
          'while. For your\n'
          'safety:\n'
          '\n'
          '- An adult must drive you home after every infusion.\n'
          '- For the rest of that day, do not drive, use machinery or make important '
          'decisions. Plan a\n'
          '  quiet, restful day.\n'
          '\n'
          'Before each visit:\n'
          '\n'
          '- Do not eat anything for 6 hours before your infusion. You may have water and '
          'other clear\n'
          '  liquids until 2 hours before. For a morning visit, this usually means nothing to '
          'eat after\n'
          '  midnight.\n'
          '- Bring a valid photo ID.\n'
          '\n'
          'If you arrive without a driver or without photo ID, we will not start your infusion '
          'that day.\n'
          'We would rather reschedule than put your safety at risk.'},
 {'key': 'payment',
  'heading': 'Paying for treatment',
  'body': 'Because ketamine infusions for pain and mood conditions are off-label, health\n'
          'insurance plans generally do not pay for them. This usually includes government '
          'programs such as\n'
          'Medicare and Medicaid.\n'
          '\n'
          'This means you pay the clinic directly for your treatment. Please ask us what your '
          'care is likely\n'
          'to cost before you book, including the first series and any booster infusions you '
          'may need later.\n'
          'Since treatment often continues over months, it helps to plan ahead.\n'
          '\n'
          'You are welcome to check with your insurance plan about your own coverage, but '
          'please do not count\n'
          'on being paid back. By signing this form, you accept that you are responsible for '
          'paying for the\n'
          'treatment you receive.'},
 {'key': 'right_to_stop',
  'heading': 'Your right to stop',
  'body': 'Having this treatment is always your choice. You may ask to stop an infusion at\n'
          'any point, and you may decide to end the whole treatment at any time. You do not '
          'have to give a\n'
          'reason. Stopping will not affect the way the clinic treats you or any other care '
          'you receive.\n'
          '\n'
          'If you want to stop during an infusion, just tell the nurse or physician. They will '
          'stop it and\n'
          'keep watching you until you are steady and ready to go home with your driver.\n'
          '\n'
          'You may also withdraw this consent at any time by telling the clinic in writing. '
          'Withdrawing\n'
          'applies from that point on; it does not undo treatment you have already had. Your '
          'clinician can\n'
          'talk with you about what stopping may mean for you.'},
 {'key': 'emergencies',
  'heading': 'Emergencies',
  'body': 'During your visit, the team watches you closely. If a medical emergency\n'
          'happens, they will give you emergency care right away. If needed, they will call '
          '911 and arrange\n'
          'for you to be taken to a hospital. By signing, you agree to this emergency care and '
          'transfer.\n'
          '\n'
          'After you leave the clinic:\n'
          '\n'
          '- If you have a medical emergency, call 911.\n'
          '- If you have thoughts of suicide, call or text 988, the Suicide & Crisis Lifeline. '
          'You can reach\n'
          '  it at any hour of the day or night.\n'
          '- If you have symptoms that worry you or questions about how you feel, call the '
          'clinic.\n'
          '\n'
          'If you notice any unusual changes in your body or mind after a treatment, do not '
          'drive, drink\n'
          'alcohol or use drugs, and contact the clinic or your own doctor.'},
 {'key': 'acknowledgement',
  'heading': 'Your agreement',
  'body': 'By signing below, I confirm that:\n'
          '\n'
          '- I have read this form, or had it read to me, and I understand it.\n'
          '- I had the chance to ask questions, and my questions were answered.\n'
          '- I understand what the treatment involves, its risks and side effects, and the '
          'other options\n'
          '  open to me.\n'
          '- I understand that this use of ketamine is off-label, that results are not '
          'guaranteed, and that\n'
          '  I will pay for treatment myself.\n'
          '- I understand that an adult must drive me home after each infusion and that I must '
          'not drive\n'
          '  for the rest of that day.\n'
          '- The health and medication information I gave the clinic is complete and accurate, '
          'and I will\n'
          '  tell the clinic about any changes, including new medicines or a pregnancy.\n'
          '- I know I may stop treatment or withdraw my consent at any time.\n'
          '\n'
          'I freely agree to receive ketamine infusion treatment at this clinic.'}]


def publish_default_consent(apps, schema_editor):
    """Publish consent version 1.0 unless the clinic has a consent already."""
    ConsentDocument = apps.get_model("patients", "ConsentDocument")
    if ConsentDocument.objects.exists():
        return
    ConsentDocument.objects.create(
        major=1,
        minor=0,
        title=TITLE,
        introduction=INTRODUCTION,
        sections=[dict(section) for section in SECTIONS],
        change_note="Shipped with the portal",
        published_at=timezone.now(),
    )


class Migration(migrations.Migration):
    dependencies = [("patients", "0003_consent_documents_and_signatures")]

    operations = [migrations.RunPython(publish_default_consent, migrations.RunPython.noop)]
