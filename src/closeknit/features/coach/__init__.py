"""The message coach: analyse a draft and suggest what to try instead."""

from closeknit.features.coach.service import coach_message, engine_for

__all__ = ["coach_message", "engine_for"]
