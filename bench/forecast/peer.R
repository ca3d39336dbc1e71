# The peer of bench/forecast.bench.ts: R's forecast package on the same series.
# Usage: Rscript bench/forecast/peer.R <input.jsonl> <output.jsonl> [limit]
# For each series: forecast(ets(x), h, level = 95) and thetaf(x, h, level = 95), with the CPU seconds (user +
# system) of each (ets includes model selection and forecasting): CPU time, not wall time, so that other load
# on a shared machine does not count. One JSON object per line, in input order.
suppressMessages({
  library(forecast)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
input <- args[1]
output <- args[2]
limit <- if (length(args) >= 3) as.integer(args[3]) else .Machine$integer.max
lines <- readLines(input)
if (length(lines) > limit) lines <- lines[seq_len(limit)]
out <- file(output, "w")
for (line in lines) {
  s <- fromJSON(line)
  x <- ts(s$train, frequency = s$frequency)
  h <- s$horizon
  cpu <- function() sum(proc.time()[c("user.self", "sys.self")])
  t0 <- cpu()
  fe <- forecast(ets(x), h = h, level = 95)
  t1 <- cpu()
  ft <- thetaf(x, h = h, level = 95)
  t2 <- cpu()
  rec <- list(
    id = s$id,
    ets = list(method = fe$method, mean = as.numeric(fe$mean), lower = as.numeric(fe$lower[, 1]),
               upper = as.numeric(fe$upper[, 1]), seconds = t1 - t0),
    theta = list(mean = as.numeric(ft$mean), lower = as.numeric(ft$lower[, 1]),
                 upper = as.numeric(ft$upper[, 1]), seconds = t2 - t1)
  )
  writeLines(toJSON(rec, auto_unbox = TRUE, digits = NA), out)
  flush(out)
}
close(out)
