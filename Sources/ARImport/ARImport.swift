// The ARImport module; see Package.swift for its role.
