"""The words of a process map, wrapped to their boxes: step labels, notes, documents, title.

Sizes come from here; positions from `layout`. Text blocks are placed by giving them the
baseline of their first line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.workflows import (
    DocumentSpec,
    PenugasanDefinition,
    StepSpec,
    WorkflowDefinition,
)
from sikerja.workflows.maps import labels
from sikerja.workflows.maps.textfit import wrap

LABEL_SIZE = 11
NOTE_SIZE = 9
DOC_SIZE = 9
BOX_PADDING = 10
MIN_BOX_H = 60
PORT_SPACING = 17
MIN_DOC_H = 56
DOC_WAVE = 8


@dataclass(frozen=True)
class TextLines:
    """Lines of text, one style, the first baseline at (x, y)."""

    lines: tuple[str, ...]
    x: int = 0
    y: int = 0
    size: int = NOTE_SIZE
    anchor: str = "start"  # start | middle
    tone: str = "body"  # what the text is: the renderer's class and colour
    bold: bool = False
    italic: bool = False

    @classmethod
    def wrapped(
        cls,
        value: str,
        *,
        width: int,
        size: int,
        bold: bool = False,
        italic: bool = False,
        anchor: str = "start",
        tone: str = "body",
    ) -> TextLines:
        lines = wrap(value, width, size, bold=bold)
        return cls(lines, size=size, anchor=anchor, tone=tone, bold=bold, italic=italic)

    @property
    def leading(self) -> int:
        return self.size + 3

    @property
    def height(self) -> int:
        return self.leading * len(self.lines)

    @property
    def bottom(self) -> int:
        """The y just below the last line's descenders."""
        return self.y - self.size + self.height

    def at(self, *, x: int | None = None, y: int | None = None) -> TextLines:
        return dataclasses.replace(self, x=self.x if x is None else x, y=self.y if y is None else y)

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True)
class StepContent:
    label_text: str
    label: TextLines
    notes: tuple[TextLines, ...]
    citation: str
    exits: int

    @property
    def box_height(self) -> int:
        """Tall enough for the label and for one labelled arrow per decision on its side."""
        return max(MIN_BOX_H, self.label.height + 2 * BOX_PADDING, PORT_SPACING * (self.exits + 1))

    @property
    def notes_height(self) -> int:
        return sum(note.height + 2 for note in self.notes) + 6


@dataclass(frozen=True)
class DocumentContent:
    blocks: tuple[TextLines, ...]

    @property
    def height(self) -> int:
        text = sum(block.height for block in self.blocks)
        return max(MIN_DOC_H, text + 10 + DOC_WAVE)

    def at(self, x: int, y: int) -> DocumentContent:
        placed = []
        baseline = y + 6
        for block in self.blocks:
            placed.append(block.at(x=x + 7, y=baseline + block.size))
            baseline += block.height
        return DocumentContent(tuple(placed))


def step_content(
    step: StepSpec, *, cite: Callable[[Citation], str], lang: str, width: int
) -> StepContent:
    """The label inside a step's box and the notes printed under it."""
    label_text = step.label if lang == "id" else step.label_en
    label = TextLines.wrapped(
        label_text, width=width - 2 * BOX_PADDING, size=LABEL_SIZE, anchor="middle", tone="label"
    )
    citation = cite(step.citation)
    notes = [TextLines.wrapped(citation, width=width - 4, size=NOTE_SIZE, tone="citation")]
    if step.recommendation_from:
        actor = labels.actor_lane_label(step.recommendation_from, lang)
        notes.append(
            _note(labels.phrase("recommendation", lang, actor=actor), width, "recommendation")
        )
    if step.deadline_days is not None:
        notes.append(
            _note(labels.phrase("deadline", lang, days=step.deadline_days), width, "deadline")
        )
    if step.product_decision:
        notes.append(
            TextLines.wrapped(
                labels.phrase("product_marker", lang),
                width=width - 4,
                size=NOTE_SIZE,
                tone="product-marker",
                italic=True,
            )
        )
    return StepContent(label_text, label, tuple(notes), citation, len(step.decisions))


def _note(value: str, width: int, tone: str) -> TextLines:
    return TextLines.wrapped(value, width=width - 4, size=NOTE_SIZE, tone=tone)


def document_content(
    spec: DocumentSpec, *, step: StepSpec, lang: str, width: int
) -> DocumentContent:
    """Title, addressees, copies and (when not the step's actor) the signer of a document."""
    inner = width - 14
    parties = "; ".join(labels.actor_lane_label(party, lang) for party in spec.to)
    blocks = [
        TextLines.wrapped(spec.title, width=inner, size=DOC_SIZE, bold=True, tone="document-title"),
        _doc_line(labels.phrase("addressees", lang, parties=parties), inner, "addressees"),
    ]
    if spec.cc:
        copies = "; ".join(labels.actor_lane_label(party, lang) for party in spec.cc)
        blocks.append(_doc_line(labels.phrase("copies", lang, parties=copies), inner, "copies"))
    if spec.signer != step.actor or spec.on_behalf_of:
        signer = labels.actor_lane_label(spec.signer, lang)
        if spec.on_behalf_of:
            signer = f"{signer} {spec.on_behalf_of}"
        blocks.append(_doc_line(labels.phrase("signer", lang, party=signer), inner, "signer"))
    return DocumentContent(tuple(blocks))


def _doc_line(value: str, width: int, tone: str) -> TextLines:
    return TextLines.wrapped(value, width=width, size=DOC_SIZE, tone=tone)


def title_block(
    definition: WorkflowDefinition,
    *,
    cite: Callable[[Citation], str],
    lang: str,
    width: int,
) -> tuple[TextLines, ...]:
    """Flow label, its kind and basis, and the product-decision markers, top left."""
    label = definition.label if lang == "id" else definition.label_en
    blocks = [
        TextLines.wrapped(label, width=width, size=16, bold=True, tone="title"),
        TextLines.wrapped(_kind_line(definition, lang), width=width, size=11, tone="kind"),
        TextLines.wrapped(
            " ".join(
                (labels.phrase("basis", lang), "; ".join(cite(c) for c in definition.citations))
            ),
            width=width,
            size=11,
            tone="basis",
        ),
    ]
    marker = labels.phrase("product_marker", lang)
    if definition.not_specified_by_pack:
        text = f"{labels.phrase('flow_not_specified', lang)} {marker}"
        blocks.append(
            TextLines.wrapped(text, width=width, size=11, tone="flow-not-specified", italic=True)
        )
    if not definition.allowed:
        text = labels.phrase("forbidden", lang)
        blocks.append(TextLines.wrapped(text, width=width, size=12, bold=True, tone="refusal"))
    if any(step.product_decision for step in definition.steps):
        text = f"{labels.phrase('product_legend', lang)} {marker}"
        blocks.append(
            TextLines.wrapped(text, width=width, size=10, tone="product-legend", italic=True)
        )
    return tuple(blocks)


def _kind_line(definition: WorkflowDefinition, lang: str) -> str:
    # Shown to people: no flow key, no SPEC section (the pack's citations name the basis).
    parts = [labels.phrase("map", lang)]
    if isinstance(definition, PenugasanDefinition):
        mode, scope = definition.mode, definition.scope
        parts.append(f"{labels.mode_label(mode, lang)} {labels.scope_label(scope, lang)}")
        parts.append(", ".join(labels.subject_label(s, lang) for s in definition.subjects))
    return " · ".join(parts)
