"""Hand-written patterns: safety signals, I-statement grammar and evidence cues.

Registry names ``closeknit.SafetyRules.v1`` and ``closeknit.CueRules.v1``.

Safety patterns raise ``crisis`` and ``abuse_risk`` on explicit and coded
language (SCIENCE.md E.1-E.2) even when the model is unsure: missing a crisis is
worse than showing help resources once too often. Cue patterns point at the words
that carry a label, to explain a decision; they never decide one on their own,
except the I-statement grammar, which a message must show before the model's
``i_statement`` is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from closeknit.domain.analysis import Evidence

_FLAGS = re.IGNORECASE


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


CRISIS = _any(
    r"\b(?:kill|killing|hang|hanging|hurt|hurting|harm|harming|cut|cutting|punish|punishing|off)\s+my\s*self\b",
    r"\bkms\b|\bunaliv\w*|\bsuicid\w*|\bsewer ?slide\b|\bself[- ]?harm(?:ing)?\b|\boverdos\w*",
    r"\b(?:want|wanna|wanted|wants|going|gonna|plan(?:ning)?)\s+to\s+(?:die|end (?:it|it all|my life|things|everything))\b",
    r"\b(?:end|ending|take|taking) (?:my|his|her|their) (?:own )?life\b|\bdo something to (?:myself|herself|himself)\b",
    r"\b(?:don't|do not|dont|no longer|not sure i|not sure if i)\s+(?:want|wanna)\s+to\s+(?:be alive|live|exist|be here|wake up)\b",
    r"\bwish (?:i|I) (?:was|were) dead\b|\bbetter off (?:without me|if i (?:was|were)n't here|dead)\b",
    r"\b(?:no|any) (?:reason|point) (?:to|in) (?:live|living|going on)\b",
    r"\b(?:take|taking|swallow|swallowing) (?:all|a bunch of|the whole|a whole) (?:of )?(?:my |the |those |these )?(?:pills|tablets|meds|bottle|blister pack|packet)\b",
    r"\bhow many (?:pills|tablets|paracetamol|sleeping pills|of (?:those|these|my) \w+)\b|\b(?:highest|tallest) (?:bridge|building|cliff)\b",
    r"\bsleep (?:forever|and never wake up)\b|\b(?:not|never) wake up\b",
    r"\bwon't be (?:around|here|a (?:problem|burden)) (?:much longer|for long|anymore)\b|\bafter tonight\b[^.!?]*\b(?:burden|deal with me|won't have to)\b",
    r"\bthis is (?:my )?goodbye\b(?![^.!?]*\bto my\b)|\b(?:wrote|written|writing) (?:a |my )?(?:letters?|notes?) to (?:everyone|you all|my)\b",
    r"\b(?:he|she|they)(?:'ll| will| is going to|'s going to) jump\b",
    r"\b(?:i'm|i am|i'll|im|i will) (?:going to|gonna)? ?(?:kill|murder|stab|shoot|finish) (?:him|her|them)\b",
)
"""Explicit, coded and indirect crisis language (SCIENCE.md E.1)."""

_JOKING = re.compile(r"\b(?:lol|lmao|haha\w*|jk|rip)\b|💀|😂|🤣|🙈|😅", _FLAGS)
_NOT_CURRENT = re.compile(r"\bnot suicidal\b|\bused to\b|\bof embarrassment\b", _FLAGS)
"""Markers of jokes and hyperbole (both labels), and of negation or the past (crisis only):
a pattern in such a sentence does not count on its own; the model still reads it."""

_PERSON = r"(?:he|she|they|you|dad|mum|mom|father|mother|husband|wife|boyfriend|girlfriend|partner|\w+'s (?:husband|wife|boyfriend|girlfriend|partner))"
ABUSE = _any(
    r"\byou(?:'re| are)? not allowed to (?:see|go|leave|work|have|talk|use|text|call|visit)\b|\bi (?:won't|will not|don't) let you (?:see|go|leave|work|talk)\b",
    r"\b(?:won't|doesn't|does not|wouldn't|didn't) let (?:me|her|him) (?:see|go|leave|work|have|talk|use|visit|drive)\b",
    r"\byou'll regret (?:it|this|leaving)\b|\bor else\b|\bmake (?:you|her|him) pay\b|\byou'll be sorry\b|\bsee what happens\b",
    r"\bnever (?:see|find) (?:the|your|our|them|us)\b|\bi'll always find you\b|\bcan't hide from me\b",
    rf"\b{_PERSON}\s+(?:\w+\s+)?(?:pushed|shoved|hit|hits|slapped|punched|choked|chokes|strangled|kicked|grabbed|slammed|beat|beats|broke|held) (?:me|her|him|them|my|mum|mom)\b",
    r"\bthrew (?:a|the|my|his|her)? ?\w+ at me\b|\b(?:by|round) (?:my|the) (?:throat|neck)\b",
    r"\b(?:scared|afraid|terrified) (?:to go home|of (?:him|her|what (?:he|she|they)(?:'ll| will| might)? do)|(?:he|she)(?:'ll| will| might) (?:hurt|hit|kill))",
    r"\bgive me your (?:phone|password|passcode|pin)\b|\bhand over your (?:bank card|phone|passport|keys|money)\b",
    r"\b(?:he|she|they) (?:tracks?|monitors?|reads?|goes through|went through|checks?) (?:my|all my) (?:phone|messages|texts|location|emails)\b",
    r"\b(?:i'll|i will|i'm going to|gonna) (?:hurt|hit|destroy|ruin|kill) (?:you|your)\b",
    r"\b(?:don't|do not) make me (?:hurt|hit|do something|come (?:up )?there)\b|\bwhat i'll do (?:to you|if you)\b",
    r"\b(?:takes?|took|controls?|keeps?) (?:all )?(?:my|the|her|his) (?:money|bank card|wages|paycheck|car keys|passport|medication|phone)\b",
    r"\bforced me to\b|\bmade me (?:have sex|sleep with)\b|\bthreaten(?:ed|s|ing)? to\b",
    r"\bif (?:i|you) leave[^.!?]*\b(?:kill|hurt|regret|sorry|find|take the kids)\b",
)
"""Threats, intimidation, coercive control and violence, made or described (SCIENCE.md E.2)."""

_FEELING = r"(?:feel|felt|feeling|get|got|am|i'm|was|become|start to feel)\s+(?:so |really |a bit |kind of |pretty |quite |very |a little )?(?:\w+ ){0,2}?"
I_GRAMMAR = _any(
    r"\bi(?:'m| am| feel| felt| get| got| was| start to feel| end up feeling)\s+(?:so |really |a bit |kind of |pretty |quite |very |a little |just )?(?:hurt|sad|lonely|alone|scared|afraid|worried|anxious|nervous|frustrated|angry|upset|overwhelmed|invisible|unheard|ignored|disrespected|embarrassed|ashamed|humiliated|stressed|exhausted|tired|confused|let down|disappointed|jealous|insecure|unsure|uncomfortable|panicky|on edge|left out|taken for granted|unimportant|unappreciated|disconnected|rejected|sidelined|thrown|rushed|drained|guilty|resentful|helpless|unsafe|small|awful|terrible|bad|happy|grateful|close|loved|safe|calm|relieved|proud)\b",
    r"\bi (?:need|needed|would like|'d like|d like|want|wanted|'d love|long for|miss)\b",
    r"\bit (?:matters|means a lot|would mean a lot) to me\b|\bwhat i need\b|\bmy need\b",
)
_JUDGEMENT = re.compile(r"\bi (?:feel|felt|think|just feel) (?:like|that|as if|as though) you\b", _FLAGS)

CUES: dict[str, re.Pattern[str]] = {
    "criticism": _any(
        r"\b(?:always|never|every single time)\b",
        r"what(?:'s| is) wrong with you",
        r"\byou(?:'re| are) (?:so |such an? |the most )\w+",
        r"\btypical\b",
        r"\bwhy can't you\b",
    ),
    "contempt": _any(
        r"🙄|🤡|💅",
        r"\bgenius\b|\bpathetic\b|\bidiot\b|\bloser\b|\bclown\b",
        r"\boh (?:poor|wow|sure)\b|\bwow\b",
        r"\bmust be nice\b",
        r"\bcongrat\w*\b",
    ),
    "defensiveness": _any(
        r"not my fault",
        r"\b(?:well|but) you\b",
        r"\bi was (?:just|only|busy)\b",
        r"what (?:was|am) i supposed to",
        r"\bi'm doing my best\b",
        r"\bit was (?:one|only one|just one) time\b",
        r"\bi never said\b",
    ),
    "stonewalling": _any(
        r"\bwhatever\b",
        r"^\s*(?:fine|k|ok|okay)\s*[.!]*\s*$",
        r"\bi'm done\b|\bdone talking\b",
        r"\bdo what(?:ever)? you want\b",
        r"\bnot talking about (?:this|it)\b",
    ),
    "mind_reading": _any(
        r"\byou (?:obviously|clearly|just|only) (?:don't|do not|want|think|care|say)\w*",
        r"\bi know you (?:think|feel|want|don't)\b",
        r"\byou don't even care\b",
    ),
    "invalidation": _any(
        r"overreact\w*",
        r"\bcalm down\b",
        r"\b(?:not|no) (?:a |such a )?big deal\b",
        r"\bget over it\b",
        r"\bdramatic\b",
        r"too sensitive",
        r"\bat least\b",
        r"\bshouldn't (?:feel|be upset)\b",
    ),
    "i_statement": I_GRAMMAR,
    "validation": _any(
        r"makes (?:total |complete )?sense",
        r"\bof course you\b",
        r"\banyone would\b",
        r"\bno wonder\b",
        r"\b(?:every )?right to (?:feel|be)\b",
        r"\bi get why\b|\bi'd feel\b|\bi would feel\b",
    ),
    "empathy": _any(
        r"\bso sorry\b|\bsorry (?:to hear|you|that)\b",
        r"\bsounds (?:really |so )?(?:hard|awful|rough|tough|painful|exhausting)\b",
        r"\bhugs?\b",
        r"❤️|🫂",
    ),
    "reflection": _any(
        r"\bso you\b",
        r"\b(?:it )?sounds like you\b",
        r"\bit (?:seems|sounds) like\b",
        r"\byou(?:'re| are) (?:feeling|torn|worried)\b",
        r"\bwhat i'm hearing\b",
    ),
    "open_question": _any(r"\b(?:what|how)\b[^?]*\?", r"\btell me (?:more|about)\b", r"\bwhat's (?:that|it) like\b"),
    "self_disclosure": _any(
        r"\bhonestly\b",
        r"\bi(?:'m| am) (?:scared|afraid|terrified|ashamed|worried)\b",
        r"\bnever told\b",
        r"\bi (?:still )?miss\b",
        r"\bi(?:'ve| have) (?:always )?(?:struggled|felt)\b",
    ),
    "request": _any(
        r"\bcould (?:we|you)\b",
        r"\bwould you (?:be willing|mind)?\b",
        r"\bcan (?:we|you)\b",
        r"\bplease\b",
        r"\bi need\b",
        r"\bwould it be ok\b",
    ),
    "appreciation": _any(
        r"\bthank\w*\b|\bty\b|\bthx\b",
        r"\bgrateful\b|\bappreciate\w*\b",
        r"\bproud of you\b",
        r"\bi love (?:how|that|the way|you)\b",
        r"\byou're the best\b",
    ),
    "repair": _any(
        r"\bsorry\b|\bi apologi[sz]e\b",
        r"\bmy (?:bad|fault)\b",
        r"\byou're right\b",
        r"\bstart (?:over|again)\b",
        r"\bi shouldn't have\b",
        r"\bthat came out wrong\b",
    ),
    "time_out": _any(
        r"\b(?:a |take a |need a )?(?:break|breather|pause|time[- ]out)\b",
        r"\b\d+ ?(?:min|minutes)\b|\btwenty minutes\b",
        r"\bcome back to\b|\bpick (?:this|it) up\b|\btalk (?:later|tomorrow|after)\b",
    ),
    "bid": _any(
        r"\bguess what\b",
        r"\blook at\b|\bcheck (?:this|it) out\b",
        r"\b(?:want|wanna|fancy) (?:to )?\w+",
        r"\bmiss you\b",
        r"\bare you free\b|\byou around\b",
    ),
    "crisis": CRISIS,
    "abuse_risk": ABUSE,
}


@dataclass(frozen=True)
class Match:
    """A pattern hit: which label, and where in the text."""

    label: str
    start: int
    end: int


def safety_matches(text: str) -> Iterator[Match]:
    """Every crisis or abuse pattern found in ``text``.

    A crisis pattern inside a sentence that also jokes, negates or speaks of the
    past is left to the model.
    """
    for label, pattern in (("crisis", CRISIS), ("abuse_risk", ABUSE)):
        for hit in pattern.finditer(text):
            sentence = _sentence_around(text, hit.start(), hit.end())
            if _JOKING.search(sentence) or (label == "crisis" and _NOT_CURRENT.search(sentence)):
                continue
            yield Match(label, hit.start(), hit.end())


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    rights = [i for i in (text.find(mark, end) for mark in ".!?\n") if i >= 0]
    return text[left + 1 : min(rights) if rights else len(text)]


def has_i_statement_grammar(text: str) -> bool:
    """True when the speaker names their own feeling or need in the first person.

    "I feel like you …" and "I think that you …" are judgements of the other
    person dressed as feelings and do not count on their own.
    """
    stripped = _JUDGEMENT.sub(" ", text)
    return I_GRAMMAR.search(stripped) is not None


def cue_evidence(label: str, text: str, limit: int = 3) -> tuple[Evidence, ...]:
    """Up to ``limit`` spans of ``text`` that carry ``label``."""
    pattern = CUES.get(label)
    if pattern is None:
        return ()
    hits = [Evidence(text[m.start() : m.end()], m.start(), m.end(), "rule") for m in pattern.finditer(text) if m.end() > m.start()]
    return tuple(hits[:limit])
