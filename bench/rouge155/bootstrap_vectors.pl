#!/usr/bin/env perl
# Prints ROUGE-1.5.5's averages and confidence intervals (-c C -r R, -t 0) for synthetic
# per-evaluation scores, one JSON object per line, by running the script's own
# computeAverages, bootstrapResampling and by_value subs (read from the script given as
# the only argument). Used by make_bootstrap_vectors.sh.
no strict;
my $src = do { local $/; open my $f, '<', $ARGV[0] or die "$ARGV[0]: $!"; <$f> };
for my $name (qw(computeAverages bootstrapResampling by_value)) {
  $src =~ /^(sub $name \{.*?^\})/ms or die "no sub $name in $ARGV[0]";
  eval $1;
  die $@ if $@;
}
$alpha = 0.5;
# (values, resamples, confidence percent)
my @cases;
for my $n (1, 2, 7, 30, 50) {
  my @values = map { sprintf("%7.5f", (($_ * 7919 + $n * 104729) % 100003) / 100003 * 0.6) } 1 .. $n;
  push @cases, [\@values, 1000, 95];
  push @cases, [\@values, 100, 95] if $n >= 7;
  push @cases, [\@values, 250, 90] if $n == 30;
}
push @cases, [[map { sprintf("%7.5f", 0.1 * ($_ % 3)) } 1 .. 12], 1000, 95];
for my $case (@cases) {
  my ($values, $resamples, $confidence) = @$case;
  $numOfResamples = $resamples;
  $opt_c = $confidence;
  my %scores;
  for my $i (0 .. $#$values) {
    $scores{sprintf("eval%03d", $i)} = [$values->[$i], $values->[$i], $values->[$i]];
  }
  my %averages;
  computeAverages(\%scores, \%averages, undef);
  printf("{\"values\": [%s], \"resamples\": %d, \"confidence\": %s, "
         . "\"expected\": {\"average\": %s, \"low\": %s, \"high\": %s}}\n",
         join(", ", map { $_ + 0 } @$values), $resamples, $confidence / 100,
         $averages{AvgR} + 0, $averages{CIAvgL_R} + 0, $averages{CIAvgU_R} + 0);
}
