"""What the coach says about each label, written for Closeknit.

The pairing of the four classic pitfalls with their antidotes follows the Gottman
Institute's "Four Horsemen" work (gentle start-up, appreciation, taking
responsibility, self-soothing); the wording here is our own. See SCIENCE.md C.4.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Antidote:
    """One pitfall's remedy: its name, why it matters, and what to try."""

    name: str
    why: str
    try_this: str


ANTIDOTES: dict[str, Antidote] = {
    "criticism": Antidote(
        name="Gentle start-up",
        why="Words like 'always', 'never' or a judgement of who someone is tend to make people defend themselves instead of listening.",
        try_this="Talk about one specific moment and how it affected you, then say what you would like: 'I felt … when … Could we …?'",
    ),
    "contempt": Antidote(
        name="Appreciation and respect",
        why="Sarcasm, mockery and put-downs tell the other person they are being looked down on, which hurts more than the complaint itself.",
        try_this="Say the real feeling underneath plainly, without the edge, and make room for something you value about them.",
    ),
    "defensiveness": Antidote(
        name="Take responsibility, even for a part",
        why="Excuses and counter-complaints can sound like 'your concern doesn't count', so the conversation stalls.",
        try_this="Find the part of their point you can agree with and own it first: 'You're right that I …' Then add your side.",
    ),
    "stonewalling": Antidote(
        name="A self-soothing break, then come back",
        why="Shutting down leaves the other person alone with the problem. Often it means you are overwhelmed, which is human.",
        try_this="Ask for a pause and name when you will return: 'I need about 20 minutes to calm down, then I want to finish this.'",
    ),
    "mind_reading": Antidote(
        name="Ask instead of assume",
        why="Telling someone what they think or feel leaves them no room to answer, and the guess is often wrong.",
        try_this="Turn the guess into a question: 'I'm wondering if you … Is that right?'",
    ),
    "invalidation": Antidote(
        name="Validate first",
        why="Being told a feeling is too much or doesn't matter makes people feel alone with it, even when the advice is well meant.",
        try_this="Show the feeling makes sense before anything else: 'That makes sense, anyone would feel … after that.'",
    ),
}

LABEL_NAMES: dict[str, str] = {
    "criticism": "Criticism",
    "contempt": "Contempt",
    "defensiveness": "Defensiveness",
    "stonewalling": "Stonewalling",
    "mind_reading": "Mind-reading",
    "invalidation": "Invalidation",
    "i_statement": "I-statement",
    "validation": "Validation",
    "empathy": "Empathy",
    "reflection": "Reflection",
    "open_question": "Open question",
    "self_disclosure": "Opening up",
    "request": "Clear request",
    "appreciation": "Appreciation",
    "repair": "Repair",
    "time_out": "Time-out",
    "bid": "Bid for connection",
    "crisis": "Crisis",
    "abuse_risk": "Safety concern",
}

SKILL_PRAISE: dict[str, str] = {
    "i_statement": "You speak from your own side, which makes it easier to hear.",
    "validation": "You let them know their feelings make sense.",
    "empathy": "You show warmth for what they are going through.",
    "reflection": "You put their meaning into your own words, so they know you understood.",
    "open_question": "You invite them to say more.",
    "self_disclosure": "You let them see something real about you.",
    "request": "You ask clearly and kindly for what you need.",
    "appreciation": "You tell them what you value about them.",
    "repair": "You reach to repair things while it is tense.",
    "time_out": "You pause without leaving them hanging: you say you'll come back.",
    "bid": "You reach out for their attention or company.",
}
