/// The text of `.help`: the language in a nutshell, examples, keys and commands.
enum ReplHelp {
    static let text = """
    ARQL asks for metrics, broken down by dimensions, at an as-of date:

      METRIC[(NAME: VALUE, ...)], ... [by DIMENSION, ...] [where CONDITION] [having CONDITION]
          [as of DATE | monthly from DATE to DATE] [over last N months] [in CURRENCY]
          [order by KEY [asc|desc]] [limit N] [| chart bar|stacked_bar|line|area|pie]
      items [where CONDITION] [order by FIELD [desc]] [limit N]
      forecast collections weekly|monthly next N weeks|months [by ...] [where ...]
      explain STATEMENT

    Examples:
      ar, current, overdue, overdue_rate by entity as of 2026-09-30;
      dso, dso(method: countback), bpdso, add by region;
      aging by customer where region = "EMEA" having overdue > 10000 order by overdue desc limit 10;
      overdue_rate by entity monthly from 2025-10-31 to 2026-09-30;
      items where dpd > 90 and not disputed order by open desc limit 20;
      forecast collections weekly next 13 weeks by entity;
      ar, overdue by customer where region = $region;     -- after .param set region EMEA

    Strings take double quotes; -- starts a comment. .metrics and .dims list the names.
    Every metric's formula, parameters and defaults: docs/metrics.md.

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
