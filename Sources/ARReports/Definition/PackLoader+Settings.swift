import Foundation

extension PackLoader {
    static func schedule(_ node: PackNode) throws(PackDiagnostic) -> PackSchedule {
        let fields = try node.fields(allowed: ["cron", "time_zone", "catch_up", "max_data_age", "wait_for_data", "retry"])
        let cronNode = try fields.required("cron", what: "a cron expression such as '0 7 2 * *'")
        let cron: CronExpression
        let cronText = try cronNode.string()
        do throws(CronExpression.ParseError) {
            cron = try CronExpression(cronText)
        } catch {
            let scalar = ScalarText(cronNode.node.scalar!)
            let start = cronNode.source.location(ofOffset: error.offset, in: scalar)
            throw PackDiagnostic(file: cronNode.file, at: start, length: error.length, error.message, help: error.help)
        }
        let zoneNode = try fields.required("time_zone", what: "an IANA time zone such as 'Europe/Paris'")
        let zoneName = try zoneNode.string()
        guard let zone = TimeZone(identifier: zoneName) else {
            let known = TimeZone.knownTimeZoneIdentifiers
            throw zoneNode.error("expected an IANA time zone such as 'Europe/Paris' or 'UTC', found '\(zoneName)'",
                                 help: known.first { $0.lowercased() == zoneName.lowercased() }.map { "did you mean '\($0)'?" })
        }
        var schedule = PackSchedule(cron: cron, timeZone: zone)
        guard schedule.next(after: Date(timeIntervalSince1970: 0)) != nil else {
            throw cronNode.error("the schedule '\(cron.text)' never fires", help: "check the day of the month against the month")
        }
        if let node = fields["catch_up"] {
            schedule.catchUp = CatchUpPolicy(rawValue: try node.choice(CatchUpPolicy.allCases.map(\.rawValue), what: "a catch-up policy"))!
        }
        if let node = fields["max_data_age"] {
            guard let days = DurationText.days(try node.string()) else {
                throw node.error("expected a whole number of days such as '3 days', found '\(try node.string())'")
            }
            schedule.maxDataAgeDays = days
        }
        if let node = fields["wait_for_data"] { schedule.waitForData = try node.duration(what: "a wait") }
        if let node = fields["retry"] {
            let retry = try node.fields(allowed: ["attempts", "backoff"])
            if let attempts = retry["attempts"] { schedule.retry.attempts = try attempts.integer(in: 1...20, what: "a number of attempts") }
            if let backoff = retry["backoff"] { schedule.retry.backoff = try backoff.duration(what: "a backoff") }
        }
        return schedule
    }

    static func delivery(_ node: PackNode) throws(PackDiagnostic) -> DeliverySettings {
        let fields = try node.fields(allowed: ["outbox", "email"])
        var delivery = DeliverySettings(outbox: try fields["outbox"]?.boolean() ?? true)
        if let emailNode = fields["email"] {
            let email = try emailNode.fields(allowed: ["subject", "images", "note"])
            let subjectNode = try email.required("subject", what: "the subject line, e.g. 'Receivables as of {{ $as_of }}'")
            var settings = EmailSettings(subject: try template(subjectNode))
            if let images = email["images"] {
                settings.images = ImagePlacement(rawValue: try images.choice(ImagePlacement.allCases.map(\.rawValue), what: "an image placement"))!
            }
            settings.note = try email["note"]?.string()
            delivery.email = settings
        }
        return delivery
    }

    /// A text with `{{ }}` figures, each query positioned in the file.
    static func template(_ node: PackNode) throws(PackDiagnostic) -> TextTemplate {
        let text = try node.string()
        let scalar = ScalarText(node.node.scalar!)
        let source = node.source
        do {
            return try TextTemplate.parse(text) { query, offset in
                PackQuery(text: query, location: source.location(ofOffset: offset, in: scalar)) { inner in
                    source.location(ofOffset: offset + inner, in: scalar)
                }
            }
        } catch {
            throw PackDiagnostic(file: node.file, at: source.location(ofOffset: error.offset, in: scalar), length: error.length, error.message)
        }
    }

    /// A query written as a scalar, positioned in the file.
    static func query(_ node: PackNode) throws(PackDiagnostic) -> PackQuery {
        let text = try node.text(what: "an ARQL query")
        guard let yamlScalar = node.node.scalar else { throw node.error("expected an ARQL query, found \(node.kindName)") }
        let scalar = ScalarText(yamlScalar)
        let source = node.source
        let lead = scalar.string.utf8.count - scalar.string.drop(while: { $0.isWhitespace }).utf8.count
        return PackQuery(text: text, location: source.location(ofOffset: lead, in: scalar)) { offset in
            source.location(ofOffset: lead + offset, in: scalar)
        }
    }
}
