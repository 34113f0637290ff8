"""Numbers: points inside the assumptions and high-precision evaluation there."""
