"""The FAQ a new install ships with, editable later by a clinic admin."""

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
