"""What the matching tests type: each catalogue name, and names and words outside it."""

from faker.providers.lorem.en_US import Provider as EnglishWords

from screening.catalogue import CATALOGUE
from screening.matching import tokens

NAMES = [(name, entry) for entry in CATALOGUE for name in (entry.generic_name, *entry.brand_names)]
# Names of seven letters or more written as one word: a typo in them must still match.
LONG_NAMES = [
    (name, entry)
    for name, entry in NAMES
    if name.isalpha() and len(name) >= 7 and len(tokens(name)) == 1
]


def words(text):
    return text.split()


# Medications and supplements that are not in the catalogue, as patients write them.
OTHER_MEDICATIONS = words(
    """
metformin lisinopril atorvastatin simvastatin rosuvastatin amlodipine losartan valsartan
hydrochlorothiazide furosemide spironolactone metoprolol atenolol carvedilol propranolol
diltiazem verapamil nifedipine clonidine guanfacine hydralazine digoxin amiodarone warfarin
apixaban rivaroxaban clopidogrel levothyroxine liothyronine insulin glipizide glimepiride
pioglitazone sitagliptin empagliflozin dapagliflozin semaglutide tirzepatide omeprazole
esomeprazole pantoprazole famotidine ranitidine ondansetron metoclopramide promethazine
meclizine dicyclomine loperamide docusate sertraline fluoxetine paroxetine citalopram
escitalopram fluvoxamine venlafaxine desvenlafaxine duloxetine bupropion mirtazapine trazodone
vilazodone vortioxetine amitriptyline nortriptyline imipramine doxepin lithium valproate
divalproex carbamazepine oxcarbazepine topiramate zonisamide levetiracetam gabapentin
pregabalin phenytoin lacosamide phenobarbital quetiapine olanzapine risperidone aripiprazole
brexpiprazole cariprazine lurasidone ziprasidone haloperidol clozapine zolpidem eszopiclone
zaleplon suvorexant hydroxyzine buspirone prazosin tamsulosin finasteride sildenafil tadalafil
oxybutynin methylphenidate amphetamine lisdexamfetamine atomoxetine modafinil donepezil
memantine levodopa carbidopa pramipexole ropinirole sumatriptan rizatriptan prednisone
methylprednisolone dexamethasone fluticasone albuterol montelukast cetirizine loratadine
fexofenadine diphenhydramine pseudoephedrine guaifenesin dextromethorphan benzonatate
amoxicillin azithromycin doxycycline cephalexin ciprofloxacin nitrofurantoin metronidazole
fluconazole valacyclovir hydroxychloroquine methotrexate allopurinol colchicine alendronate
estradiol progesterone testosterone tamoxifen acetaminophen naloxone naltrexone varenicline
nicotine ketamine caffeine cocaine magnesium potassium calcium iron zinc iodine folate biotin
melatonin ashwagandha turmeric ginseng valerian probiotic multivitamin glucosamine collagen
Zantac Narcan Tylenol Zoloft Prozac Paxil Celexa Lexapro Effexor Cymbalta Wellbutrin Remeron
Trintellix Elavil Depakote Tegretol Trileptal Topamax Keppra Neurontin Lyrica Seroquel Zyprexa
Risperdal Abilify Rexulti Vraylar Latuda Ambien Lunesta Belsomra Vistaril Buspar Adderall
Vyvanse Ritalin Concerta Strattera Provigil Imitrex Singulair Zyrtec Claritin Allegra Benadryl
Sudafed Mucinex Robitussin Fioricet Synthroid Ozempic Wegovy Mounjaro Lipitor Crestor Norvasc
Lasix Coumadin Eliquis Xarelto Plavix Prilosec Nexium Protonix Pepcid Zofran Phenergan Detrol
Lamisil Valtrex Chantix Vivitrol Spravato Excedrin Midol NyQuil DayQuil Centrum Metamucil
"""
) + [
    "vitamin d",
    "vitamin D3 2000 IU",
    "vitamin b12",
    "fish oil",
    "omega-3",
    "st john's wort",
    "folic acid",
    "CoQ10",
    "5-HTP",
    "l-theanine",
    "Armour Thyroid",
    "birth control",
]
MEDICATION_LIST_WORDS = words(
    """
pain anxiety depression sleep insomnia seizures bipolar blood pressure cholesterol thyroid
allergy allergies migraine headache heart diabetes vitamin supplement herbal tea coffee
prescription doctor prescribed stopped started ago years unknown nothing none sometimes
occasionally inhaler drops cream shot monthly
"""
)
ORDINARY_WORDS = [*EnglishWords.word_list, *MEDICATION_LIST_WORDS]
