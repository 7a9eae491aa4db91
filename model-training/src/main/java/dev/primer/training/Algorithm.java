package dev.primer.training;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/** The model families a data scientist can train, each with its parameters written down. */
public enum Algorithm {
  LOGREG,
  XGBOOST,
  CART;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Algorithm parse(String name) {
    for (Algorithm a : values()) {
      if (a.wireName().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown algorithm '" + name + "', expected one of: logreg, xgboost, cart");
  }

  /** The parameters used, as recorded in the bundle's provenance. */
  public Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    switch (this) {
      case LOGREG -> {
        p.put("objective", "softmax (log loss)");
        p.put("optimiser", "AdaGrad");
        p.put("learningRate", 0.1);
        p.put("epochs", 4);
        p.put("minibatch", 1);
      }
      case XGBOOST -> {
        p.put("trees", 150);
        p.put("eta", 0.15);
        p.put("maxDepth", 7);
        p.put("minChildWeight", 5.0);
        p.put("subsample", 0.8);
        p.put("featureSubsample", 0.8);
        p.put("lambda", 1.0);
        p.put("treeMethod", "hist");
      }
      case CART -> {
        p.put("maxDepth", 12);
        p.put("minChildWeight", 20.0f);
        p.put("impurity", "gini");
      }
    }
    return p;
  }

  /** A seeded Tribuo trainer for this algorithm. */
  public Trainer<Label> trainer(long seed, int threads) {
    Map<String, Object> p = parameters();
    return switch (this) {
      case LOGREG ->
          new LinearSGDTrainer(
              new LogMulticlass(),
              new AdaGrad((double) p.get("learningRate"), 0.1),
              (int) p.get("epochs"),
              Integer.MAX_VALUE,
              (int) p.get("minibatch"),
              seed);
      case XGBOOST ->
          new XGBoostClassificationTrainer(
              XGBoostTrainer.BoosterType.GBTREE,
              XGBoostTrainer.TreeMethod.HIST,
              (int) p.get("trees"),
              (double) p.get("eta"),
              0.0,
              (int) p.get("maxDepth"),
              (double) p.get("minChildWeight"),
              (double) p.get("subsample"),
              (double) p.get("featureSubsample"),
              (double) p.get("lambda"),
              0.0,
              threads,
              XGBoostTrainer.LoggingVerbosity.SILENT,
              seed);
      case CART ->
          new CARTClassificationTrainer(
              (int) p.get("maxDepth"),
              (float) p.get("minChildWeight"),
              0.0f,
              1.0f,
              false,
              new org.tribuo.classification.dtree.impurity.GiniIndex(),
              seed);
    };
  }
}
