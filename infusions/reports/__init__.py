"""The clinic's reports for its admins: chair use, no-shows and late cancellations, series
started and completed, outcome change from baseline; each a table, a chart and a CSV."""
