// The ARQuery module; see Package.swift for its role.
