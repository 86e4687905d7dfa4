"""Outcomes over a series: PHQ-9, GAD-7 and pain asked again before each infusion, and the
trend beside the screening's baseline, drawn as a chart on the server."""
