"""The preparation checklist a patient confirms from the link in each reminder, without
logging in: a driver home (name and phone), when they stop eating, their photo ID. The page
shows the infusion's time and place and nothing of the patient's records."""
