package io.huida.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Intent-classification figures for gold and predicted labels, where {@value IntentDatasets#OOS} marks out
 * of scope: accuracy over all rows, macro-F1 over all labels (out of scope counts as one), in-scope accuracy
 * and out-of-scope recall and precision. Figures are percentages; NaN where undefined.
 */
record IntentScores(double accuracy, double macroF1, double inScopeAccuracy, double oosRecall, double oosPrecision) {

    static IntentScores of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size() || gold.isEmpty()) {
            throw new IllegalArgumentException("need equally many gold and predicted labels, got "
                    + gold.size() + " and " + predicted.size());
        }
        int correct = 0;
        int inScope = 0;
        int inScopeCorrect = 0;
        int oosGold = 0;
        int oosPredicted = 0;
        int oosBoth = 0;
        for (int i = 0; i < gold.size(); i++) {
            String g = gold.get(i);
            String p = predicted.get(i);
            boolean gOos = IntentDatasets.OOS.equals(g);
            boolean pOos = IntentDatasets.OOS.equals(p);
            if (g.equals(p)) {
                correct++;
            }
            if (gOos) {
                oosGold++;
            } else {
                inScope++;
                if (g.equals(p)) {
                    inScopeCorrect++;
                }
            }
            if (pOos) {
                oosPredicted++;
                if (gOos) {
                    oosBoth++;
                }
            }
        }
        return new IntentScores(pct(correct, gold.size()), macroF1(gold, predicted), pct(inScopeCorrect, inScope),
                pct(oosBoth, oosGold), pct(oosBoth, oosPredicted));
    }

    private static double macroF1(List<String> gold, List<String> predicted) {
        Set<String> labels = new HashSet<>(gold);
        double sum = 0;
        for (String label : labels) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean g = gold.get(i).equals(label);
                boolean p = predicted.get(i).equals(label);
                if (g && p) {
                    tp++;
                } else if (p) {
                    fp++;
                } else if (g) {
                    fn++;
                }
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return 100 * sum / labels.size();
    }

    private static double pct(int part, int whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }
}
