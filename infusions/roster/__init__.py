"""Who is on duty: the weekly duty roster of clinicians at each location and its one-day
exceptions, read as each day's supervising clinicians and their hours."""
