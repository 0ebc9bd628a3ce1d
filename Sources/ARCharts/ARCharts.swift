// The ARCharts module; see Package.swift for its role.
