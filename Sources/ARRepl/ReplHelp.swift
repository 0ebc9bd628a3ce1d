/// The text of `.help`: the language in a nutshell, examples, keys and commands.
enum ReplHelp {
    static let text = """
    ARQL asks for metrics, broken down by dimensions, at an as-of date:

      METRIC[(OPTION: VALUE, ...)], ... [by DIMENSION, ...] [where DIMENSION = 'VALUE' [and ...]]
          [having CONDITION] [order by COLUMN [asc|desc]] [limit N]
          [monthly|weekly from DATE to DATE]

    Examples:
      ar, current, overdue, overdue_rate by entity;
      dso, dso(method: countback), bpdso, add by region;
      aging by customer having overdue > 0 order by overdue desc limit 10;
      cei(period: 3 months), cei by segment;
      overdue_rate by entity monthly from 2025-10-31 to 2026-10-31;
      forecast collections weekly next 13 weeks;
      ar, overdue by customer where region = $region;     -- after .param set region EMEA

    End a statement with ';' or a blank line. Tab completes metrics, dimensions, values and
    $parameters; Up/Down recall earlier statements, Ctrl-R searches them; Ctrl-C cancels a
    running query (or clears the line); Ctrl-D quits.

    Commands:
      .metrics                  the metrics, with what each one means
      .dims                     the dimensions to break results down by
      .snapshots                the snapshots of the open data
      .open DATA                open another store or snapshot folder
      .param set NAME VALUE     give $NAME a value (.param list, .param unset NAME, .param clear)
      .mode table|csv|json      how results are shown
      .timer on|off             show how long each query takes
      .maxrows N                cut results longer than N rows on screen
      .output FILE              send results to FILE (.output alone: back to the screen)
      .chart FILE.png           chart the last result (.svg and .pdf too)
      .save NAME [DESCRIPTION]  save the last query as Queries/NAME.arql
      .read FILE|NAME           run a file of statements, or the saved query Queries/NAME.arql
      .help                     this text
      .quit                     leave (or .exit, or Ctrl-D)

    """
}
