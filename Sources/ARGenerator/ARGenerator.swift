// The ARGenerator module; see Package.swift for its role.
