"""Bulk coding: label many messages from a file, for researchers and practitioners."""

from closeknit.features.coding.jsonl import BadLine, CodingReport, code_jsonl, coded_record

__all__ = ["BadLine", "CodingReport", "code_jsonl", "coded_record"]
