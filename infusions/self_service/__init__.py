"""A cleared patient's own infusions: booking from the free times, moving and cancelling
under the location's cancellation policy, and the driver home."""
