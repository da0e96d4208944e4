"""Respite (avlösning): grants, municipal policy, bookings, the ledger, balances, capacity."""
