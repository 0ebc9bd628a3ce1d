// The ARRepl module; see Package.swift for its role.
