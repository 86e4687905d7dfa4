"""The front desk's day board and week view: one location's chairs and day in its own time,
with every appointment's status and warnings, and the desk's actions on them."""
