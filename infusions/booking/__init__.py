"""Booking, moving and cancelling infusions under the clinic's rules (one service every path
uses), and finding the free times those rules allow."""
