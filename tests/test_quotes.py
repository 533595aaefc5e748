"""Quotes: spans, speakers (inversions, clitics, colons, "selon", floating quotes, pronouns,
roles), speech verbs with polarity, and quotation marks that are not speech."""

from __future__ import annotations

from typing import Any

import pytest

from tests.speech_helpers import run, shown, speech_pipeline


@pytest.fixture(scope="module")
def pipe(nlp: Any) -> Any:
    return speech_pipeline(nlp)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "« C'est une véritable pluie d'obus », a témoigné un correspondant de l'AFP, cloîtré chez lui.",
            "C'est une véritable pluie d'obus",
            "un correspondant de l'AFP",
        ),
        (
            "« Nous supplions les parties au conflit », a déclaré le patron des opérations humanitaires "
            "de l'ONU Stephen O'Brien.",
            "Nous supplions les parties au conflit",
            "Stephen O'Brien",
        ),
        (
            "« Si l'armée ne veut pas faire la guerre, qu'on nous donne les moyens » a déclaré Oumar "
            "Maïga, l'un des responsables de la manifestation.",
            "Si l'armée ne veut pas faire la guerre, qu'on nous donne les moyens",
            "Oumar Maïga",
        ),
        (
            "« Nous réagissons sans inquiétude » déclare à l'AFP Jean-Philippe Magnen, le porte-parole "
            "du parti.",
            "Nous réagissons sans inquiétude",
            "Jean-Philippe Magnen",
        ),
        (
            "Denis Baupin a ensuite défendu sa décision : « On peut faire une suspension de séance ».",
            "On peut faire une suspension de séance",
            "Denis Baupin",
        ),
        (
            "Selon Météo France, « l'épisode de températures caniculaires s'étendra vers le Nord-Est ».",
            "l'épisode de températures caniculaires s'étendra vers le Nord-Est",
            "Météo France",
        ),
        (
            "Le syndicat SUD estime, au contraire, que « ce collègue avait des difficultés au travail ».",
            "ce collègue avait des difficultés au travail",
            "SUD",
        ),
        (
            'Principal soutien de Damas, Moscou avait dénoncé mardi la "cécité" des Occidentaux.',
            "cécité",
            "Moscou",
        ),
        (
            'Des représentants se sont rencontrés à "plusieurs reprises" à Ankara, a indiqué à l\'AFP '
            "une source proche des factions syriennes.",
            "plusieurs reprises",
            "une source proche des factions syriennes",
        ),
        (
            "Sur Twitter, Philippe Gosselin (UMP) a dénoncé un « Incident grave ! Déni de démocratie ! ».",
            "Incident grave ! Déni de démocratie !",
            "Philippe Gosselin",
        ),
    ],
)
def test_quotes_speaker_in_the_sentence(pipe: Any, text: str, quote: str, speaker: str) -> None:
    doc = run(pipe, text)
    found = [q for q in doc.quotes if q.text == quote]
    assert len(found) == 1, [q.text for q in doc.quotes]
    assert shown(found[0].speaker) == speaker
    ev = found[0].evidence
    assert doc.text[ev.start : ev.end] == ev.text and quote in ev.text


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (  # clitic pronoun: the last compatible person, not the feminine organization
            "Le patron des opérations humanitaires Stephen O'Brien s'est adressé au Conseil. "
            "L'ONU a pré-positionné des stocks de médicaments et ses camions sont prêts, a-t-il "
            'souligné, appelant le gouvernement à autoriser un tel déploiement "en toute sécurité".',
            "en toute sécurité",
            "Stephen O'Brien",
        ),
        (  # gender: "elle" skips the masculine minister
            "Marie Durand a rencontré le ministre Paul Martin à Bamako. « Nous avons parlé de la "
            "sécurité des écoles », a-t-elle dit.",
            "Nous avons parlé de la sécurité des écoles",
            "Marie Durand",
        ),
        (  # floating quotation: the speaker of the quotation before
            "« Non, il ne faut pas être inquiet », a répondu la porte-parole de la fédération. "
            "« La banque par internet demeure un moyen de paiement très sécurisé. »",
            "La banque par internet demeure un moyen de paiement très sécurisé.",
            "la porte-parole de la fédération",
        ),
        (  # floating quotation after a sentence whose subject speaks
            "Christian Jacob a souhaité faire un rappel au règlement de l'Assemblée. « On ne peut "
            "pas accepter un tel mépris de notre règlement ! »",
            "On ne peut pas accepter un tel mépris de notre règlement !",
            "Christian Jacob",
        ),
        (  # a naming participle that is the speech verb itself: "l'avait appelé la « … »"
            "Tout comme Nadine Morano, ex-députée UMP, l'avait appelé la « châtelaine de "
            "Montretout ».",
            "châtelaine de Montretout",
            "Nadine Morano",
        ),
        (  # name, then role, then verb
            "Jean-Luc Mélenchon, le candidat du Front de gauche à l'élection présidentielle avait "
            "appelé Marine Le Pen « la bourgeoise du château de Montretout ».",
            "la bourgeoise du château de Montretout",
            "Jean-Luc Mélenchon",
        ),
        (  # a clitic incise on a verb that is no speech verb, past an auxiliary in the quotation
            "Jean-Marie Le Pen affirme qu'il voulait qualifier sa fille autrement. « Le texte exact, "
            "c'est 'a little bourgeoise girl' ... c'est une petite fille bourgeoise », tente-t-il de "
            "corriger au cours de sa vidéo.",
            "Le texte exact, c'est 'a little bourgeoise girl' ... c'est une petite fille bourgeoise",
            "Jean-Marie Le Pen",
        ),
        (  # a participle tagged as an adjective keeps its auxiliary: "a nuancé"
            "Pour terminer, la porte-parole de la fédération a nuancé les chiffres du parquet. « On "
            "a constaté 261 cas de fraude depuis le début de l'année. »",
            "On a constaté 261 cas de fraude depuis le début de l'année.",
            "la porte-parole de la fédération",
        ),
        (  # "Pour X," glued to the sentence before, after another speaker's quotation
            "Le ministre de la Justice Alberto Ruiz-Gallardón veut interdire l'avortement. Selon "
            "lui, « on ne peut pas interdire à un être vivant de vivre ».Pour le collectif de "
            "défense des femmes, il s'agit d'« un pas vers le franquisme ».",
            "un pas vers le franquisme",
            "le collectif de défense des femmes",
        ),
        (  # a sentence with no verb outside its quotation floats
            "« Lors de la première période, il augmente les impôts », dénonce Barack Obama. Et pour "
            "la dernière période, « il veut une apothéose : mettre fin à Medicare ».",
            "il veut une apothéose : mettre fin à Medicare",
            "Barack Obama",
        ),
        (  # a speech verb tagged as an adjective still has its subject
            "Michel Guay, jeune appelé et témoin de la scène avec le photographe de son régiment, "
            "raconte : « Moi, j'étais dans une 2 CV. On s'est retrouvé sous la voiture. »",
            "Moi, j'étais dans une 2 CV. On s'est retrouvé sous la voiture.",
            "Michel Guay",
        ),
        (  # a definite organization description takes the organization named before
            "Human Rights Watch a publié un rapport sur les prisons syriennes. L'ONG précise que « le "
            "nombre de centres de détention est probablement beaucoup plus élevé ».",
            "le nombre de centres de détention est probablement beaucoup plus élevé",
            "Human Rights Watch",
        ),
    ],
)
def test_quotes_speaker_from_context(pipe: Any, text: str, quote: str, speaker: str) -> None:
    doc = run(pipe, text)
    found = [q for q in doc.quotes if q.text == quote]
    assert len(found) == 1, [q.text for q in doc.quotes]
    assert shown(found[0].speaker) == speaker


def test_quotes_role_from_apposition(pipe: Any) -> None:
    doc = run(
        pipe,
        "« Ceux qui fuient sont dans une situation désespérée », a souligné Pawel Krysiek, "
        "responsable de la communication de la Croix-Rouge en Syrie.",
    )
    speaker = doc.quotes[0].speaker
    assert speaker is not None and speaker.name == "Pawel Krysiek"
    assert speaker.role == "responsable de la communication de la Croix-Rouge en Syrie"


def test_quotes_role_from_title_before_name(pipe: Any) -> None:
    doc = run(
        pipe,
        "« Laissez les civils sortir », a réclamé le président du conseil local des quartiers "
        "rebelles, Brita Hagi Hassan, lors d'une visite à Paris.",
    )
    speaker = doc.quotes[0].speaker
    assert speaker is not None and speaker.name == "Brita Hagi Hassan"
    assert speaker.role == "le président du conseil local des quartiers rebelles"
    assert doc.quotes[0].verb == "réclamer" and doc.quotes[0].polarity == "negative"


@pytest.mark.parametrize(
    ("text", "verb", "polarity"),
    [
        ("Moscou avait dénoncé la « cécité » des Occidentaux.", "dénoncer", "negative"),
        ("« Nous sommes prêts », a déclaré le ministre.", "déclarer", "neutral"),
        ("Le maire a salué « un geste fort de solidarité ».", "saluer", "positive"),
    ],
)
def test_quotes_speech_verb_and_polarity(pipe: Any, text: str, verb: str, polarity: str) -> None:
    doc = run(pipe, text)
    assert [(q.verb, q.polarity) for q in doc.quotes] == [(verb, polarity)]


def test_quotes_over_two_paragraphs(pipe: Any) -> None:
    text = (
        "« Nous avons trouvé des traces dans la grotte.\n"
        "« Nous sommes certains à 60 % que ces poils appartiennent à la créature », a indiqué "
        "Valentine Sapounov."
    )
    doc = run(pipe, text)
    assert len(doc.quotes) == 1
    assert doc.quotes[0].text.startswith("Nous avons trouvé") and "créature" in doc.quotes[0].text
    assert shown(doc.quotes[0].speaker) == "Valentine Sapounov"


def test_quotes_without_speaker_stay_null(pipe: Any) -> None:
    doc = run(
        pipe,
        "Des milliers de manifestants ont défilé dans le centre-ville. « Du pain, de la liberté "
        "et de la justice sociale pour tous les citoyens du pays. »",
    )
    assert len(doc.quotes) == 1
    assert doc.quotes[0].speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "L'armée française a lancé l'opération « Serval » en janvier dans le nord du Mali.",
        "Le gouvernement prépare un « plan B » pour la rentrée scolaire.",
        "Le quartier dit « des Martyrs » a été bombardé pendant la nuit.",
        "Barack Obama raille « Coach » Romney devant la foule de l'Ohio.",
        "Moody's a abaissé la note du pays de trois crans, de « A3 » à « Baa3 ».",
        "Le film « La Haine » a été projeté hier soir au festival de Cannes.",
    ],
)
def test_quotes_titles_nicknames_and_scare_quotes_are_not_speech(pipe: Any, text: str) -> None:
    doc = run(pipe, text)
    assert doc.quotes == []


def test_quotes_statement_for_indirect_speech(pipe: Any) -> None:
    doc = run(
        pipe,
        "L'agence officielle Sana a indiqué que huit habitants avaient été tués mercredi par des "
        "tirs de roquette.",
    )
    assert doc.quotes == []
    [statement] = doc.statements
    assert shown(statement.speaker) == "Sana" and statement.verb == "indiquer"
    assert statement.content.text.startswith("huit habitants avaient été tués mercredi")


def test_quotes_seed_article_all_speakers(pipe: Any, seed_text: str) -> None:
    import yaml

    from bilan.evaluate.names import entity_matches
    from tests.conftest import SEED_GOLD

    gold = yaml.safe_load(SEED_GOLD.read_text(encoding="utf-8"))["quotes"]
    doc = run(pipe, seed_text)
    assert len(doc.quotes) == len(gold) == 12
    for g in gold:
        found = [q for q in doc.quotes if q.text.startswith(g["text"][:15])]
        assert found, g["text"]
        assert entity_matches(g["speaker"], found[0].speaker), (g, found[0].speaker)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (  # a name after the verb, then an apposition giving age or occupation
            "« Nous n'avons plus rien à manger », témoigne Amina Diallo, une mère de famille de "
            "34 ans installée sous une bâche.",
            "Nous n'avons plus rien à manger",
            "Amina Diallo",
        ),
        (
            "« Les secours sont arrivés trop tard », a expliqué à Reuters Pedro Alvarez, 45 ans, "
            "pêcheur à Valence.",
            "Les secours sont arrivés trop tard",
            "Pedro Alvarez",
        ),
        (
            "« C'est une catastrophe », confie Marie, 27 ans, infirmière à Lyon.",
            "C'est une catastrophe",
            "Marie",
        ),
        (  # the prepositional phrase after the verb ends with the speaker's name
            "« Je n'ai rien vu venir », a raconté depuis sa chambre d'hôpital Karim, 23 ans.",
            "Je n'ai rien vu venir",
            "Karim",
        ),
        (  # a role, then the person's name in apposition
            "« Il faut un cessez-le-feu immédiat », a déclaré le porte-parole du ministère des "
            "Affaires étrangères, Jean Lefort.",
            "Il faut un cessez-le-feu immédiat",
            "Jean Lefort",
        ),
        (
            "« La situation sanitaire se dégrade », a alerté le directeur de l'hôpital de Mopti, "
            "le docteur Ibrahim Touré.",
            "La situation sanitaire se dégrade",
            "Ibrahim Touré",
        ),
        (  # a description, then a titled name in apposition
            "« Les flammes montaient jusqu'au toit », a déclaré à la presse une voisine, "
            "l'enseignante Jeanne Morel.",
            "Les flammes montaient jusqu'au toit",
            "Jeanne Morel",
        ),
        (  # the role goes on past "à" before the name
            "« Le délai est intenable », a averti la responsable de l'ONG à Kinshasa, Aline Mbuyi.",
            "Le délai est intenable",
            "Aline Mbuyi",
        ),
        (
            "« Nous resterons mobilisés », a prévenu sa porte-parole à Genève, Laura Keller.",
            "Nous resterons mobilisés",
            "Laura Keller",
        ),
        (  # an acronym in the role is no person: the apposition names the speaker
            "Pour le secrétaire général du syndicat CFDT, Marc Lenoir : « Ce plan est "
            "inacceptable. »",
            "Ce plan est inacceptable.",
            "Marc Lenoir",
        ),
        (
            "Le porte-parole du groupe PS, Luc Garnier, a jugé le texte « inacceptable en l'état ».",
            "inacceptable en l'état",
            "Luc Garnier",
        ),
        (  # a name after any occupation noun
            "Pour la sismologue Ana Costa, ce séisme est « un sérieux avertissement ».",
            "un sérieux avertissement",
            "Ana Costa",
        ),
    ],
)
def test_quotes_speaker_named_by_apposition_or_title(
    pipe: Any, text: str, quote: str, speaker: str
) -> None:
    doc = run(pipe, text)
    found = [q for q in doc.quotes if q.text == quote]
    assert len(found) == 1, [q.text for q in doc.quotes]
    assert found[0].speaker is not None and found[0].speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (  # the auxiliary is cut from its participle by an inserted phrase
            "Le ministère de la Défense a de son côté affirmé avoir frappé des « positions "
            "ennemies » dans la nuit.",
            "positions ennemies",
            "Le ministère de la Défense",
        ),
        (
            "Un responsable régional a pour sa part évoqué des dégâts « considérables ».",
            "considérables",
            "Un responsable régional",
        ),
        ("Les syndicats ont dénoncé une « provocation ».", "provocation", "Les syndicats"),
        ("La police parle d'un acte « isolé ».", "isolé", "La police"),
        (  # the agent of a speech participle
            "Un projet jugé « irréaliste » par les experts du FMI a été abandonné.",
            "irréaliste",
            "les experts du FMI",
        ),
        (  # each clause its own speaker
            "Moscou a promis une « riposte », alors que Kiev réclame des « garanties de "
            "sécurité ».",
            "garanties de sécurité",
            "Kiev",
        ),
        (  # "par" after a compound verb belongs to the adjective, not to a speaker
            "Le maire s'est dit « bouleversé » par la violence des images.",
            "bouleversé",
            "Le maire",
        ),
    ],
)
def test_quotes_partial_quote_speaker_from_the_reporting_frame(
    pipe: Any, text: str, quote: str, speaker: str
) -> None:
    doc = run(pipe, text)
    found = [q for q in doc.quotes if q.text == quote]
    assert len(found) == 1, [q.text for q in doc.quotes]
    assert shown(found[0].speaker) == speaker


def test_quotes_coordinated_clause_is_not_the_frame_speaker(pipe: Any) -> None:
    doc = run(
        pipe, "Washington a salué un « pas important », mais les analystes restent « prudents »."
    )
    assert [shown(q.speaker) for q in doc.quotes if q.text == "pas important"] == ["Washington"]
    assert all(shown(q.speaker) != "Washington" for q in doc.quotes if q.text == "prudents")


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (  # "selon lui" is not the subject of its own clause, and not a country
            "Le Premier ministre a réuni les préfets. Le Mali traverse selon lui « une crise sans "
            "précédent ».",
            "une crise sans précédent",
            "Le Premier ministre",
        ),
        (  # the determiner tells the gender of an epicene role noun
            "La ministre de la Santé a visité l'hôpital. Selon elle, « la situation est sous "
            "contrôle ».",
            "la situation est sous contrôle",
            "La ministre de la Santé",
        ),
    ],
)
def test_quotes_disjunctive_pronoun_resolves_to_a_person(
    pipe: Any, text: str, quote: str, speaker: str
) -> None:
    doc = run(pipe, text)
    found = [q for q in doc.quotes if q.text == quote]
    assert len(found) == 1, [q.text for q in doc.quotes]
    assert shown(found[0].speaker) == speaker


def test_quotes_unresolved_pronoun_keeps_the_quote_without_speaker(pipe: Any) -> None:
    doc = run(
        pipe, "L'Ukraine a reçu de nouvelles armes. Selon lui, « la contre-offensive avance »."
    )
    assert [(q.text, q.speaker) for q in doc.quotes] == [("la contre-offensive avance", None)]


@pytest.mark.parametrize(
    "text",
    [
        "L'opération « Barkhane » a pris fin en 2022.",
        "Le festival « Rock en Seine » a été annulé à cause de l'orage.",
        "Le directeur a présenté une version « grand format » de la console.",
    ],
)
def test_quotes_names_after_naming_nouns_stay_out(pipe: Any, text: str) -> None:
    assert run(pipe, text).quotes == []
