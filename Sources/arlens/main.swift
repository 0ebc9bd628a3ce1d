print("arlens")
