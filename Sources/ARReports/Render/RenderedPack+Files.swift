extension RenderedPack {
    /// The pack's files: `NAME.pdf` and `NAME-page-01.png`, … in page order.
    public func files(named name: String) -> [(name: String, bytes: [UInt8])] {
        var files = [(name: "\(name).pdf", bytes: pdf)]
        for (index, png) in pngs.enumerated() {
            files.append((name: "\(name)-page-\(index + 1 < 10 ? "0" : "")\(index + 1).png", bytes: png))
        }
        return files
    }
}
