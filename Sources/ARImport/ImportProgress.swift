/// How far the import has come, reported about every 65,536 rows and at the end of each file.
public struct ImportProgress: Sendable {
    /// The file (or SQLite table) being read.
    public var file: String
    /// Rows of this file read so far.
    public var rowsDone: Int
    /// Bytes of this file read so far (0 for SQLite tables).
    public var bytesDone: Int
    /// Size of this file in bytes (0 for SQLite tables).
    public var bytesTotal: Int

    public init(file: String, rowsDone: Int, bytesDone: Int, bytesTotal: Int) {
        self.file = file
        self.rowsDone = rowsDone
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
    }
}
