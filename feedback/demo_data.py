"""The demo's organisations, people and words, as plain data (`manage.py seed_demo` builds from it).

Everything here is fictional: organisations, names, example.org/.com addresses, and phone numbers
from the ranges kept for drama (UK 07700 900xxx, North America 555-01xx). The texts are written in
the voice of the people the portal is for: call-backs that never come, waits nobody explains,
staff who listen, and the fear of losing a service for speaking up.
"""

# One password for every demo account, printed by `manage.py demo_signins`.
DEMO_PASSWORD = "demo-portal-2026"

# The submission token of one anonymous case, so its receipt code can be computed and shown
# (codes are stored only as keyed hashes): feedback.receipts.code_for_token(DEMO_RECEIPT_TOKEN).
DEMO_RECEIPT_TOKEN = "demo-anonymous-receipt"

COMMISSIONERS = [
    {"slug": "north-riverside-icb", "name": "North Riverside Integrated Care Board",
     "short_name": "North Riverside ICB",
     "country": "GB", "subdivision": "ENG", "timezone": "Europe/London"},
    {"slug": "cisss-rive-aux-herons",
     "name": "Centre intégré de santé et de services sociaux de la Rive-aux-Hérons",
     "short_name": "CISSS de la Rive-aux-Hérons",
     "country": "CA", "subdivision": "QC", "timezone": "America/Toronto"},
]

# `on_time`: how often this provider answers within its deadlines, so the audit figures differ.
# `setting` of a service picks the texts that fit it: phone, clinic, home or centre.
PROVIDERS = [
    {
        "slug": "riverside-mental-health", "name": "Riverside Community Mental Health Partnership",
        "commissioners": ["north-riverside-icb"], "on_time": 0.75,
        "services": [
            {"slug": "riverside-crisis-line", "setting": "phone", "area": "North Riverside",
             "name": "Crisis line", "name_fr": "Ligne de crise",
             "description": "Phone support day and night for adults in a mental health crisis.",
             "description_fr": "Soutien téléphonique jour et nuit pour les adultes en crise de "
                               "santé mentale."},
            {"slug": "riverside-cmht-north", "setting": "clinic", "area": "North Riverside",
             "name": "Community mental health team — North",
             "name_fr": "Équipe de santé mentale communautaire — Nord",
             "description": "Care coordinators, nurses and psychiatrists for adults living north "
                            "of the river.",
             "description_fr": "Coordonnateurs de soins, infirmières et psychiatres pour les "
                               "adultes qui vivent au nord de la rivière."},
            {"slug": "riverside-cmht-south", "setting": "clinic", "area": "South Riverside",
             "name": "Community mental health team — South",
             "name_fr": "Équipe de santé mentale communautaire — Sud",
             "description": "Care coordinators, nurses and psychiatrists for adults living south "
                            "of the river.",
             "description_fr": "Coordonnateurs de soins, infirmières et psychiatres pour les "
                               "adultes qui vivent au sud de la rivière."},
            {"slug": "riverside-talking-therapies", "setting": "clinic", "area": "North Riverside",
             "name": "Talking therapies", "name_fr": "Thérapies par la parole",
             "description": "Short courses of therapy for anxiety and low mood, in person or by "
                            "video.",
             "description_fr": "Thérapies brèves pour l'anxiété et la déprime, en personne ou par "
                               "vidéo."},
            {"slug": "riverside-early-intervention", "setting": "clinic", "area": "North Riverside",
             "name": "Early intervention in psychosis",
             "name_fr": "Intervention précoce en psychose",
             "description": "Support for young people and adults after a first episode of "
                            "psychosis, and for their families.",
             "description_fr": "Soutien aux jeunes et aux adultes après un premier épisode "
                               "psychotique, et à leurs familles."},
        ],
    },
    {
        "slug": "brookfield-home-care", "name": "Brookfield Home Care",
        "commissioners": ["north-riverside-icb"], "on_time": 0.55,
        "services": [
            {"slug": "brookfield-home-care-visits", "setting": "home", "area": "Brookfield",
             "name": "Home care visits", "name_fr": "Visites de soins à domicile",
             "description": "Help at home with washing, dressing, meals and medicines, up to four "
                            "visits a day.",
             "description_fr": "Aide à domicile pour la toilette, l'habillage, les repas et les "
                               "médicaments, jusqu'à quatre visites par jour."},
            {"slug": "brookfield-reablement", "setting": "home", "area": "Brookfield",
             "name": "Reablement at home", "name_fr": "Réadaptation à domicile",
             "description": "Up to six weeks of support after a hospital stay, to get back to "
                            "doing things for yourself.",
             "description_fr": "Jusqu'à six semaines de soutien après une hospitalisation, pour "
                               "redevenir autonome."},
            {"slug": "brookfield-night-sitting", "setting": "home", "area": "Brookfield",
             "name": "Night sitting service", "name_fr": "Présence de nuit",
             "description": "A care worker stays overnight so family carers can sleep.",
             "description_fr": "Une préposée reste la nuit pour que les proches aidants puissent "
                               "dormir."},
        ],
    },
    {
        "slug": "oakmere-disability-support", "name": "Oakmere Disability Support",
        "commissioners": ["north-riverside-icb"], "on_time": 0.9,
        "services": [
            {"slug": "oakmere-day-centre", "setting": "centre", "area": "Oakmere",
             "name": "Day centre", "name_fr": "Centre de jour",
             "description": "Activities, meals and company on weekdays for adults with learning "
                            "disabilities.",
             "description_fr": "Activités, repas et compagnie en semaine pour les adultes ayant "
                               "une déficience intellectuelle."},
            {"slug": "oakmere-supported-living", "setting": "centre", "area": "Oakmere",
             "name": "Supported living", "name_fr": "Logement supervisé",
             "description": "Shared houses with staff on hand day and night.",
             "description_fr": "Maisons partagées avec du personnel présent jour et nuit."},
            {"slug": "oakmere-short-breaks", "setting": "centre", "area": "Oakmere",
             "name": "Short breaks", "name_fr": "Séjours de répit",
             "description": "Overnight stays that give families a rest.",
             "description_fr": "Séjours d'une nuit ou plus qui permettent aux familles de "
                               "souffler."},
        ],
    },
    {
        # Runs a line on each side of the ocean, so it is commissioned by both.
        "slug": "lanterne-peer-support", "name": "Lanterne Peer Support Network",
        "commissioners": ["north-riverside-icb", "cisss-rive-aux-herons"], "on_time": 0.85,
        "services": [
            {"slug": "lanterne-peer-line-riverside", "commissioner": "north-riverside-icb",
             "setting": "phone", "area": "North Riverside",
             "name": "Peer support line", "name_fr": "Ligne de soutien par les pairs",
             "description": "Talk to someone who has been there: evenings and weekends.",
             "description_fr": "Parlez à quelqu'un qui est passé par là : soirs et fins de "
                               "semaine."},
            {"slug": "lanterne-ligne-pairs-rive-aux-herons",
             "commissioner": "cisss-rive-aux-herons",
             "setting": "phone", "area": "Rive-aux-Hérons",
             "name": "Peer support line — Rive-aux-Hérons",
             "name_fr": "Ligne d'écoute entre pairs — Rive-aux-Hérons",
             "description": "Talk, in French or English, to someone who has been there.",
             "description_fr": "Parlez, en français ou en anglais, à quelqu'un qui est passé par "
                               "là."},
        ],
    },
    {
        "slug": "cooperative-soins-littoral", "name": "Coopérative de soins à domicile du Littoral",
        "commissioners": ["cisss-rive-aux-herons"], "on_time": 0.7,
        "services": [
            {"slug": "littoral-soutien-domicile", "setting": "home", "area": "Littoral-Est",
             "name": "Home support team", "name_fr": "Équipe de soutien à domicile",
             "description": "Personal care and help at home for older and disabled people.",
             "description_fr": "Soins d'hygiène et aide à domicile pour les personnes âgées ou "
                               "handicapées."},
            {"slug": "littoral-repit-proches-aidants", "setting": "home", "area": "Littoral-Est",
             "name": "Respite for family carers", "name_fr": "Répit pour proches aidants",
             "description": "A few hours' break each week for people who look after a relative.",
             "description_fr": "Quelques heures de répit chaque semaine pour les personnes qui "
                               "prennent soin d'un proche."},
            {"slug": "littoral-popote-roulante", "setting": "home", "area": "Littoral-Ouest",
             "name": "Meals on wheels", "name_fr": "Popote roulante",
             "description": "Hot meals brought to the door three times a week.",
             "description_fr": "Repas chauds livrés à la porte trois fois par semaine."},
        ],
    },
    {
        "slug": "clinique-communautaire-des-erables",
        "name": "Clinique communautaire des Érables",
        "commissioners": ["cisss-rive-aux-herons"], "on_time": 0.8,
        "services": [
            {"slug": "erables-sans-rendez-vous", "setting": "clinic", "area": "Érables-Centre",
             "name": "Walk-in clinic", "name_fr": "Clinique sans rendez-vous",
             "description": "Same-day appointments with a nurse or a doctor.",
             "description_fr": "Consultations le jour même avec une infirmière ou un médecin."},
            {"slug": "erables-sante-mentale-adulte", "setting": "clinic", "area": "Érables-Centre",
             "name": "Adult mental health — first-line team",
             "name_fr": "Santé mentale adulte — équipe de première ligne",
             "description": "Assessment, short-term follow-up and referral for adults.",
             "description_fr": "Évaluation, suivi à court terme et orientation pour les adultes."},
            {"slug": "erables-centre-de-jour", "setting": "centre", "area": "Érables-Nord",
             "name": "Day centre — Érables", "name_fr": "Centre de jour des Érables",
             "description": "Group activities and a warm meal for older people living alone.",
             "description_fr": "Activités de groupe et repas chaud pour les aînés qui vivent "
                               "seuls."},
            {"slug": "erables-ligne-accueil", "setting": "phone", "area": "Érables-Centre",
             "name": "Intake phone line", "name_fr": "Ligne d'accueil téléphonique",
             "description": "One number to ask for a service or an appointment.",
             "description_fr": "Un seul numéro pour demander un service ou un rendez-vous."},
        ],
    },
]

# Everyone who can sign in. `org` is a provider or commissioner slug; `try` is what to look at.
USERS = [
    {"email": "admin@example.org", "full_name": "Robin Ashdown", "language": "en",
     "role": "admin"},
    {"email": "alex.morgan@example.com", "full_name": "Alex Morgan", "language": "en",
     "role": "service_user"},
    {"email": "priya.shah@example.com", "full_name": "Priya Shah", "language": "en",
     "role": "service_user"},
    {"email": "elise.tremblay@example.com", "full_name": "Élise Tremblay", "language": "fr-ca",
     "role": "service_user"},
    {"email": "manager.riverside@example.org", "full_name": "Maria Lopez", "language": "en",
     "role": "manager", "org": "riverside-mental-health"},
    {"email": "staff.riverside@example.org", "full_name": "Daniel Okafor", "language": "en",
     "role": "staff", "org": "riverside-mental-health"},
    {"email": "manager.brookfield@example.org", "full_name": "Helen Marsh", "language": "en",
     "role": "manager", "org": "brookfield-home-care"},
    {"email": "staff.brookfield@example.org", "full_name": "Kwame Mensah", "language": "en",
     "role": "staff", "org": "brookfield-home-care"},
    {"email": "manager.oakmere@example.org", "full_name": "Siobhan Kelly", "language": "en",
     "role": "manager", "org": "oakmere-disability-support"},
    {"email": "staff.oakmere@example.org", "full_name": "Tom Baxter", "language": "en",
     "role": "staff", "org": "oakmere-disability-support"},
    {"email": "manager.lanterne@example.org", "full_name": "Camille Roy", "language": "fr-ca",
     "role": "manager", "org": "lanterne-peer-support"},
    {"email": "staff.lanterne@example.org", "full_name": "Jordan Price", "language": "en",
     "role": "staff", "org": "lanterne-peer-support"},
    {"email": "gestionnaire.littoral@example.org", "full_name": "Nathalie Gagnon",
     "language": "fr-ca", "role": "manager", "org": "cooperative-soins-littoral"},
    {"email": "personnel.littoral@example.org", "full_name": "Mathieu Côté", "language": "fr-ca",
     "role": "staff", "org": "cooperative-soins-littoral"},
    {"email": "gestionnaire.erables@example.org", "full_name": "Isabelle Lavoie",
     "language": "fr-ca", "role": "manager", "org": "clinique-communautaire-des-erables"},
    {"email": "personnel.erables@example.org", "full_name": "Samir Haddad", "language": "fr-ca",
     "role": "staff", "org": "clinique-communautaire-des-erables"},
    {"email": "moderator.riverside@example.org", "full_name": "Grace Whitfield", "language": "en",
     "role": "moderator", "org": "north-riverside-icb"},
    {"email": "commissioner.riverside@example.org", "full_name": "Owen Pritchard",
     "language": "en", "role": "commissioner", "org": "north-riverside-icb"},
    {"email": "moderateur.herons@example.org", "full_name": "Sophie Bouchard",
     "language": "fr-ca", "role": "moderator", "org": "cisss-rive-aux-herons"},
    {"email": "commissaire.herons@example.org", "full_name": "Louis Pelletier",
     "language": "fr-ca", "role": "commissioner", "org": "cisss-rive-aux-herons"},
]

# What each role can try today; pages not built yet say so. {admin} is the admin site's path.
ROLE_HINTS = {
    "admin": "{admin}: organisations, services, cases",
    "service_user": "sign in, see My feedback (/my-feedback/)",
    "staff": "/provider/ inbox: acknowledge, reply, ask, extend, resolve",
    "manager": "/provider/ inbox: as staff, plus assign and approve extensions",
    "moderator": "/moderation/ queue (coming in a later issue)",
    "commissioner": "escalation emails now; audit figures in a later issue",
}

# The anonymous case whose receipt code is printed: a complaint in the seeds' own words.
DEMO_RECEIPT_CASE = {
    "service": "riverside-crisis-line",
    "kind": "complaint",
    "language": "en",
    "days_ago": 9,
    "what_happened": (
        "I rang the crisis line on a Sunday night and the person I spoke to said someone from the "
        "team would call me back on Monday. Nobody called. I rang again on Tuesday and was told "
        "the message had been passed on. Still nothing.\n\n"
        "I know you are busy. But when nobody calls back, things just get worse, and by the time "
        "someone does it is a crisis. Please, at least call people back when they call you."
    ),
    "desired_outcome": "A call back when one is promised, and to know who to ask for.",
    "reply": (
        "Hello,\n\n"
        "Thank you for writing, and I am sorry. You were promised a call back and you did not "
        "get one. That should not happen.\n\n"
        "We checked our records: the message from Sunday night was written down but never given "
        "to the day team. From this week every call-back request goes into one list that the "
        "shift lead checks before going home, and nobody closes a request until the person has "
        "been reached.\n\n"
        "If you would like a call now, use 'Ask for a phone call' on this page and tell us a good "
        "time. You can also reply here.\n\n"
        "Maria Lopez, Service manager"
    ),
}

# --- The words people write ----------------------------------------------------------------------
#
# Templates are (settings, text): settings is a space-separated list of the service settings the
# text fits ("" fits every service). Placeholders are filled from FILLERS in the same language;
# {relative} makes the case one written on behalf of someone.

FEEDBACK = {
    "en": {
        "complaint": [
            ("phone", "I rang on {weekday} and was told someone would call me back the same day. "
                      "Nobody did. I rang again {later} and was told the person was {excuse}. I "
                      "have now been waiting {duration} and things are getting worse while I "
                      "wait."),
            ("", "I have left {count} messages for my {worker} since {since}. Not one call back. "
                 "Even a short call to say you are still looking into it would help. Please just "
                 "call people back."),
            ("clinic centre", "The receptionist was rude to me when I asked how long the wait "
                              "would be. She sighed, said I would wait like everyone else and "
                              "turned away. I was already anxious and I left in tears."),
            ("clinic", "The screen said the clinic was running on time but I waited {wait} past my "
                       "appointment. Nobody told us there was a delay. If someone had said, I "
                       "could have asked a neighbour to collect my son from school."),
            ("", "I am scared to put my name to this because I worry the service will be taken "
                 "away from me. Last time I raised something I was told I was being difficult. I "
                 "only want to be treated like a person."),
            ("home", "{Relative}'s care worker arrived {late} late three times this month and once "
                     "did not come at all. No one phoned to tell us. {Relative} sat by the door, "
                     "dressed and ready, and nobody came."),
            ("clinic", "I asked to see my care plan and was told it was not available at the "
                       "moment. That was {duration} ago. I still have not seen it and nobody has "
                       "explained why."),
            ("clinic centre", "The {worker} talked about me to a colleague in the waiting room as "
                              "if I was not there. Other people could hear every word. I felt "
                              "humiliated."),
            ("clinic", "I was discharged by letter with no warning and no number to call. I did "
                       "not know who to ask for help until things went wrong again."),
            ("phone", "Every time I call I get a different person and have to tell my whole story "
                      "again. It is exhausting, and nobody seems to write anything down."),
            ("", "I was promised a review after {duration} and it never happened. When I chased "
                 "it I was told the list was closed. Nobody had told me the list was closed."),
            ("home", "The visits are cut short every time. The carer is in and out in ten minutes "
                     "when {relative} is meant to have half an hour. We are paying for time we do "
                     "not get."),
            ("centre", "{Relative} came home from the centre with a cut on the hand and nobody "
                       "told us what happened. When I asked, staff said they would find out and "
                       "call me. They never did."),
        ],
        "concern": [
            ("", "I am worried the team is short of staff. The same {worker} is covering too many "
                 "people and no longer has time to listen."),
            ("phone", "The answerphone says you will call back within 24 hours. It has never been "
                      "24 hours. Please say honestly how long it will take, so people can plan."),
            ("home", "{Relative}'s medicines were changed after the last visit and nobody "
                     "explained why. We are not sure the new dose is right and would like "
                     "someone to check."),
            ("", "The letter about my appointment arrived the day after the appointment. This is "
                 "the second time. I am worried I will be discharged for missing appointments I "
                 "did not know about."),
            ("clinic centre", "The building is hard to get into with a wheelchair since the ramp "
                              "was closed. Nobody has said when it will open again."),
            ("", "Staff change so often that {relative} never knows who is coming. Every new "
                 "person has to be told the same things again, and it is upsetting."),
            ("phone", "I waited {wait} on hold and then the line cut off. I did not have the "
                      "strength to ring again that night."),
        ],
        "compliment": [
            ("clinic centre", "I want to say thank you to {staff_name}. When I was at my lowest "
                              "{staff_name} sat with me and never once made me feel like a "
                              "nuisance."),
            ("phone", "The person who answered on {weekday} night listened to me for over an hour "
                      "and called me back the next morning, as promised. It made a real "
                      "difference."),
            ("home", "{Relative}'s carers are always on time and cheerful, and they ring if they "
                     "are going to be late. Thank you for treating {relative} with such dignity."),
            ("", "Staff remembered my name and asked how my week had been. Small things, but they "
                 "matter when you are struggling."),
            ("", "I was nervous about complaining last year, but the manager called me back "
                 "within two days and put things right. Thank you for listening."),
            ("", "{staff_name} explained everything in plain words and wrote it down for me. For "
                 "the first time I knew what would happen next."),
            ("centre", "{Relative} loves Tuesdays at the centre. The staff know exactly how to "
                       "calm things down when it gets noisy. Thank you all."),
        ],
        "suggestion": [
            ("clinic centre", "Could you open one evening a week? I work and cannot come before "
                              "5pm, so I take unpaid leave for every appointment."),
            ("clinic", "Please send a text when the clinic is running late, like the dentist "
                       "does. We could wait at home instead of in the corridor."),
            ("", "It would help to have one named person to contact instead of the general "
                 "number."),
            ("", "The leaflet only gives a phone number. Some of us find phoning very hard. Could "
                 "there be an email address, or a way to book online?"),
            ("clinic centre", "Could the waiting room have a quieter corner? The television is "
                              "loud and it is hard to sit there when you are anxious."),
            ("phone", "When someone leaves a message, please send a short text to say it was "
                      "received and when to expect a call back."),
            ("home", "Could the rota be sent to families each week? Then {relative} would know "
                     "who is coming and when."),
        ],
    },
    "fr": {
        "complaint": [
            ("phone", "J'ai appelé {weekday} et on m'a dit qu'on me rappellerait dans la journée. "
                      "Personne ne m'a rappelé. J'ai rappelé {later} et on m'a dit que la "
                      "personne était {excuse}. J'attends depuis {duration} et ça empire pendant "
                      "que j'attends."),
            ("", "J'ai laissé {count} messages à mon {worker} depuis {since}. Aucun retour "
                 "d'appel. Même un court appel pour dire que vous regardez encore mon dossier "
                 "m'aiderait. S'il vous plaît, rappelez les gens."),
            ("clinic centre", "La réceptionniste a été impolie quand j'ai demandé combien de temps "
                              "il faudrait attendre. Elle a soupiré, m'a dit que j'attendrais "
                              "comme tout le monde et m'a tourné le dos. J'étais déjà anxieuse et "
                              "je suis repartie en pleurant."),
            ("clinic", "L'écran indiquait que la clinique était à l'heure, mais j'ai attendu "
                       "{wait} après l'heure de mon rendez-vous. Personne ne nous a prévenus du "
                       "retard."),
            ("", "J'ai peur de donner mon nom parce que je crains de perdre le service. La "
                 "dernière fois que j'ai soulevé un problème, on m'a dit que j'étais difficile. "
                 "Je veux seulement être traité comme une personne."),
            ("home", "L'intervenante de {relative} est arrivée avec {late} de retard trois fois "
                     "ce mois-ci et, une fois, elle n'est pas venue du tout. Personne n'a "
                     "téléphoné pour nous prévenir."),
            ("phone", "Chaque fois que j'appelle, je tombe sur une personne différente et je dois "
                      "tout raconter de nouveau. C'est épuisant."),
            ("", "On m'a promis un suivi après {duration} et il n'a jamais eu lieu. Quand j'ai "
                 "relancé, on m'a dit que la liste était fermée. Personne ne me l'avait dit."),
            ("clinic centre", "Mon {worker} a parlé de ma situation à une collègue dans la salle "
                              "d'attente, devant tout le monde. Je me suis sentie humiliée."),
            ("home", "Les visites sont toujours écourtées. La préposée repart après dix minutes "
                     "alors que {relative} a droit à une demi-heure."),
            ("clinic", "J'ai reçu mon congé par la poste, sans avertissement et sans numéro à "
                       "appeler. Je ne savais plus à qui demander de l'aide."),
        ],
        "concern": [
            ("", "Je m'inquiète du manque de personnel. Le même {worker} s'occupe de trop de "
                 "personnes et n'a plus le temps d'écouter."),
            ("phone", "Le message du répondeur dit qu'on sera rappelé dans les 24 heures. Ça n'a "
                      "jamais été 24 heures. Dites-nous honnêtement combien de temps ça prendra."),
            ("home", "Les médicaments de {relative} ont changé après la dernière visite et "
                     "personne ne nous a expliqué pourquoi. Nous aimerions que quelqu'un "
                     "vérifie la dose."),
            ("", "La lettre pour mon rendez-vous est arrivée le lendemain du rendez-vous. C'est la "
                 "deuxième fois. J'ai peur qu'on me retire du suivi pour des absences dont je "
                 "n'étais pas au courant."),
            ("", "Le personnel change si souvent que {relative} ne sait jamais qui va venir. Il "
                 "faut tout réexpliquer chaque fois."),
            ("phone", "J'ai attendu {wait} en ligne, puis l'appel a coupé. Je n'avais pas la "
                      "force de rappeler ce soir-là."),
        ],
        "compliment": [
            ("clinic centre", "Je veux remercier {staff_name}. Quand j'allais très mal, "
                              "{staff_name} est resté avec moi et ne m'a jamais fait sentir de "
                              "trop."),
            ("phone", "La personne qui m'a répondu {weekday} soir m'a écoutée plus d'une heure et "
                      "m'a rappelée le lendemain matin, comme promis. Ça a tout changé."),
            ("home", "Les préposées de {relative} sont toujours à l'heure, souriantes, et elles "
                     "appellent si elles ont du retard. Merci de traiter {relative} avec autant "
                     "de dignité."),
            ("", "Le personnel se souvenait de mon nom et m'a demandé comment allait ma semaine. "
                 "Ce sont de petites choses, mais elles comptent."),
            ("", "{staff_name} m'a tout expliqué avec des mots simples et me l'a écrit. Pour la "
                 "première fois, je savais ce qui allait se passer."),
            ("", "On m'a rappelé en moins de deux jours après ma plainte et les choses ont été "
                 "corrigées. Merci de nous écouter."),
        ],
        "suggestion": [
            ("clinic centre", "Pourriez-vous ouvrir un soir par semaine? Je travaille et je dois "
                              "prendre congé sans solde pour chaque rendez-vous."),
            ("clinic", "Envoyez un texto quand la clinique a du retard. On pourrait attendre à la "
                       "maison au lieu du corridor."),
            ("", "Ce serait plus simple d'avoir une personne attitrée à joindre plutôt que le "
                 "numéro général."),
            ("", "Le dépliant ne donne qu'un numéro de téléphone. Pour certains d'entre nous, "
                 "téléphoner est très difficile. Pourriez-vous offrir une adresse courriel ou la "
                 "prise de rendez-vous en ligne?"),
            ("home", "Une ouverture le samedi matin aiderait les proches aidants qui travaillent "
                     "la semaine."),
            ("phone", "Quand on laisse un message, un court texto pour confirmer la réception et "
                      "dire quand on sera rappelé serait rassurant."),
        ],
    },
}

# Texts that the risk screening recognises, so these cases become urgent as they would live.
URGENT_FEEDBACK = {
    "en": [
        ("home", "{Relative} was left alone all day when the visit was missed, with no food in "
                 "the house. We only found out in the evening."),
        ("phone", "I called because I feel unsafe at home and was told someone would ring back. "
                  "Nobody did. I still feel unsafe."),
        ("centre", "{Relative} was not given medication for two days at the house and nobody "
                   "told the family."),
        ("clinic phone", "I keep thinking I want to end my life and the team have not returned my "
                         "calls for a week."),
    ],
    "fr": [
        ("home", "{Relative} a été sans nourriture toute la journée parce que la visite n'a pas "
                 "eu lieu. Nous l'avons appris le soir."),
        ("phone", "J'ai appelé parce que je ne me sens pas en sécurité chez moi et on m'a dit "
                  "qu'on me rappellerait. Personne ne l'a fait."),
        ("clinic phone", "J'ai des idées noires depuis des semaines et l'équipe ne retourne pas "
                         "mes appels."),
    ],
}

DESIRED_OUTCOMES = {
    "en": {
        "complaint": ["An apology and a call back.", "To know what will change so this does not "
                      "happen to anyone else.", "A named person I can contact.",
                      "For someone to tell me honestly how long I will wait."],
        "concern": ["Someone to check and let us know.", "A clear answer, in writing.",
                    "To be kept informed."],
        "compliment": ["Please pass this on to the team."],
        "suggestion": ["Please think about it and let me know."],
    },
    "fr": {
        "complaint": ["Des excuses et un retour d'appel.", "Savoir ce qui va changer pour que ça "
                      "n'arrive à personne d'autre.", "Une personne attitrée à qui parler.",
                      "Qu'on me dise honnêtement combien de temps je vais attendre."],
        "concern": ["Que quelqu'un vérifie et nous tienne au courant.",
                    "Une réponse claire, par écrit."],
        "compliment": ["Merci de transmettre ce message à l'équipe."],
        "suggestion": ["Merci d'y réfléchir et de me répondre."],
    },
}

FILLERS = {
    "en": {
        "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        "later": ["the next morning", "two days later", "at the end of the week"],
        "excuse": ["in a meeting", "on leave", "off sick", "with someone else"],
        "duration": ["three weeks", "over a month", "six weeks", "two months"],
        "count": ["three", "four", "five", "six"],
        "worker": ["care coordinator", "social worker", "key worker", "community nurse"],
        "since": ["the start of the month", "my last appointment", "I came out of hospital"],
        "wait": ["an hour and a half", "two hours", "over an hour"],
        "late": ["an hour", "ninety minutes", "two hours"],
        "staff_name": ["Bernie", "Joanne", "Marcus", "Aisha", "Tomasz", "Gwen"],
    },
    "fr": {
        "weekday": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        "later": ["le lendemain matin", "deux jours plus tard", "à la fin de la semaine"],
        "excuse": ["en réunion", "en congé", "en arrêt maladie", "avec quelqu'un d'autre"],
        "duration": ["trois semaines", "plus d'un mois", "six semaines", "deux mois"],
        "count": ["trois", "quatre", "cinq", "six"],
        "worker": ["intervenant", "travailleur social", "infirmier de suivi"],
        "since": ["le début du mois", "mon dernier rendez-vous", "ma sortie de l'hôpital"],
        "wait": ["une heure et demie", "deux heures", "plus d'une heure"],
        "late": ["une heure", "une heure et demie", "deux heures"],
        "staff_name": ["Josée", "Marc-André", "Fatima", "Guillaume", "Chantal"],
    },
}

# (how the person names their relative, what the writer is to them)
RELATIVES = {
    "en": [("my mum", "child"), ("my dad", "child"), ("my son", "parent"),
           ("my daughter", "parent"), ("my husband", "partner"), ("my wife", "partner"),
           ("my grandmother", "grandchild"), ("my brother", "sibling")],
    "fr": [("ma mère", "enfant"), ("mon père", "enfant"), ("mon fils", "parent"),
           ("ma fille", "parent"), ("mon conjoint", "conjointe"), ("ma conjointe", "conjoint"),
           ("ma grand-mère", "petit-enfant"), ("mon frère", "frère ou sœur")],
}

# Names for people who give a name and an email without an account.
CONTACT_NAMES = {
    "en": (["Jamie", "Chris", "Leah", "Imran", "Beth", "Callum", "Nadia", "Owen", "Ruth", "Tariq",
            "Megan", "Stuart"],
           ["Hughes", "Patel", "Walsh", "Begum", "Fletcher", "Nowak", "Ellis", "Adeyemi", "Reid",
            "Holloway"]),
    "fr": (["Julie", "François", "Mélanie", "Yves", "Annie", "Karim", "Geneviève", "Olivier",
            "Manon", "Luc"],
           ["Bélanger", "Ouellet", "Girard", "Bergeron", "Lapointe", "Morin", "Fortin", "Cloutier",
            "Dubé"]),
}

# --- The words providers and moderators write ----------------------------------------------------

# The standard acknowledgement; a greeting and the author's signature go around it.
ACKNOWLEDGEMENTS = {
    "en": ("Thank you for your feedback about our service: {service}. We have read it and a "
           "member of the team is looking into it. We will reply by {due}. If anything changes "
           "before then, we will tell you."),
    "fr": ("Merci pour votre commentaire concernant le service « {service} ». Nous l'avons lu et "
           "un membre de l'équipe s'en occupe. Nous vous répondrons d'ici le {due}. Si quelque "
           "chose change d'ici là, nous vous le dirons."),
}

GREETINGS = {"en": ("Dear {name},", "Hello,"), "fr": ("Bonjour {name},", "Bonjour,")}

REPLIES = {
    "en": {
        "negative": [
            "Thank you for telling us about this, and I am sorry. You should not have had to "
            "chase us. {action} If this does not answer your concern, reply here and we will "
            "talk it through.",
            "I am sorry for what happened and for how long it took us to answer. I have looked "
            "into it with the team. {action} You can reply here, or ask us to call you.",
            "Thank you for taking the time to write. You were right to raise this. {action} If "
            "you are not satisfied with this answer, you can ask the commissioner to look at it.",
        ],
        "actions": [
            "From this week every call-back request is written in one list that the shift lead "
            "checks before going home.",
            "The team manager has met the staff member concerned, and all front-desk staff are "
            "doing customer care training this month.",
            "The screen in the waiting room now shows the real waiting time and staff update it "
            "every half hour.",
            "We have changed the rota so that a missed or late visit is phoned through to the "
            "family straight away.",
            "You now have a named contact in the team, who will ring you this week.",
            "We have asked the appointments office to send letters two weeks ahead and to text "
            "as well.",
        ],
        "compliment": [
            "Thank you so much for taking the time to write. I have shared your words with the "
            "team; it meant a great deal to them.",
            "Thank you. Messages like yours are read out at our team meeting, and yours made "
            "people's week.",
        ],
        "suggestion": [
            "Thank you for your suggestion. We discussed it at our team meeting and will try it "
            "for three months from next month.",
            "Thank you for the idea. We cannot do all of it yet, but from next month there will "
            "be a late session on Thursdays until 7pm.",
            "Thank you. We have added an email address to the leaflet and to our web page.",
        ],
    },
    "fr": {
        "negative": [
            "Merci de nous avoir écrit, et toutes nos excuses. Vous n'auriez pas dû avoir à nous "
            "relancer. {action} Si cette réponse ne règle pas votre préoccupation, répondez ici "
            "et nous en parlerons.",
            "Je suis désolée de ce qui s'est passé et du temps qu'il nous a fallu pour répondre. "
            "J'ai examiné la situation avec l'équipe. {action} Vous pouvez répondre ici ou "
            "demander qu'on vous rappelle.",
            "Merci d'avoir pris le temps d'écrire. Vous avez eu raison de le signaler. {action} "
            "Si cette réponse ne vous satisfait pas, vous pouvez demander au commissaire "
            "d'examiner votre dossier.",
        ],
        "actions": [
            "Dès cette semaine, chaque demande de rappel est inscrite sur une liste que la "
            "responsable de quart vérifie avant de partir.",
            "La gestionnaire a rencontré la personne concernée et tout le personnel de l'accueil "
            "suivra une formation sur le service à la clientèle ce mois-ci.",
            "Nous avons modifié les horaires pour qu'une visite manquée ou en retard soit "
            "signalée tout de suite à la famille.",
            "Vous avez maintenant une personne attitrée dans l'équipe, qui vous appellera cette "
            "semaine.",
        ],
        "compliment": [
            "Merci beaucoup d'avoir pris le temps d'écrire. J'ai transmis votre message à "
            "l'équipe; il les a beaucoup touchés.",
        ],
        "suggestion": [
            "Merci pour votre suggestion. Nous en avons parlé en réunion d'équipe et nous "
            "l'essaierons pendant trois mois à partir du mois prochain.",
            "Merci pour l'idée. Nous avons ajouté une adresse courriel au dépliant et à notre "
            "site.",
        ],
    },
}

INTERNAL_NOTES = {
    "en": {
        "negative": [
            "Checked the call log: two call-back requests that weekend were never passed on. "
            "Raised with the shift lead.",
            "Spoke with the staff member concerned. Reflective conversation booked with the team "
            "manager.",
            "Visit records show the worker was booked for two calls at once. Rota problem, not "
            "the worker.",
            "Tried to call as asked: no answer, left a voicemail. Will try again tomorrow morning.",
        ],
        "compliment": ["Compliment shared with the team and added to the staff newsletter."],
        "suggestion": ["Suggestion added to the agenda of the next service improvement meeting."],
    },
    "fr": {
        "negative": [
            "Vérifié le registre d'appels : deux demandes de rappel de la fin de semaine n'ont "
            "jamais été transmises. Signalé à la responsable de quart.",
            "Rencontre avec l'employée concernée. Retour prévu avec la gestionnaire.",
            "Les horaires montrent que la préposée avait deux visites au même moment. Problème "
            "d'horaire, pas de la préposée.",
            "Tenté de rappeler comme demandé : pas de réponse, message laissé.",
        ],
        "compliment": ["Compliment transmis à l'équipe."],
        "suggestion": ["Suggestion ajoutée à l'ordre du jour du prochain comité d'amélioration."],
    },
}

# What the person writes before escalating, or when the problem comes back.
PERSON_FOLLOW_UPS = {
    "en": {
        "unhappy": ["Thank you for replying, but this does not answer what I asked. I still have "
                    "not had a call back.",
                    "I am not satisfied with this answer. Nothing has changed for me."],
        "reopen": ["It has happened again this week. Please look at it again.",
                   "I thought this was sorted, but nobody came on Monday. Please reopen this."],
    },
    "fr": {
        "unhappy": ["Merci de votre réponse, mais elle ne répond pas à ma question. Je n'ai "
                    "toujours pas été rappelée.",
                    "Cette réponse ne me satisfait pas. Rien n'a changé pour moi."],
        "reopen": ["C'est encore arrivé cette semaine. Merci de revoir mon dossier."],
    },
}

# Reasons recorded with moderators' and the portal's decisions; the person can read a rejection.
REASONS = {
    "en": {
        "approve": "Checked: nothing identifying. Shared with the provider as written.",
        "keep": "Kept with the commissioner: the person fears losing the service if the provider "
                "is told.",
        "reject": "We cannot pass this on: it is about a private service that we do not fund. "
                  "The service directory shows where to send it.",
        "overdue": "No response 5 working days after the deadline: passed to the commissioner.",
        "unhappy": "The person is not satisfied with the response.",
        "reopen": "The person says the problem has come back.",
        "close": "Resolved and no further reply from the person.",
    },
    "fr": {
        "approve": "Vérifié : rien d'identifiant. Transmis au prestataire tel quel.",
        "keep": "Conservé par le commissaire : la personne craint de perdre le service si le "
                "prestataire est informé.",
        "reject": "Nous ne pouvons pas transmettre ce message : il concerne un service privé que "
                  "nous ne finançons pas. Le répertoire des services indique où l'envoyer.",
        "overdue": "Aucune réponse 5 jours ouvrables après l'échéance : transmis au commissaire.",
        "unhappy": "La personne n'est pas satisfaite de la réponse.",
        "reopen": "La personne indique que le problème est revenu.",
        "close": "Résolu, sans nouvelle réponse de la personne.",
    },
}

# Callback numbers from the ranges kept for fiction (Ofcom's drama range; North America 555-01xx).
CALLBACK_PHONES = {"GB": "07700 900{n:03d}", "CA": "514-555-01{n:02d}"}
CALLBACK_TIMES = {
    "en": ["Weekday mornings", "After 4pm", "Any time before 6pm", "Lunchtime"],
    "fr": ["En matinée", "Après 16 h", "N'importe quand avant 18 h"],
}
