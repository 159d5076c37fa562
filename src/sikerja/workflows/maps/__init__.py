"""Process maps drawn from workflow definitions (ARCHITECTURE §3.3).

A swimlane diagram (peta lintas fungsi) as SVG for the browser and PDF, and a BPMN 2.0 XML
export with its diagram. Both come from the same definition the engine runs and share one
layout, so a map cannot drift from what the system does.
"""

from sikerja.workflows.maps.bpmn import bpmn_xml
from sikerja.workflows.maps.labels import actor_lane_label, decision_label, terminal_label
from sikerja.workflows.maps.svg import swimlane_svg

__all__ = ["actor_lane_label", "bpmn_xml", "decision_label", "swimlane_svg", "terminal_label"]
