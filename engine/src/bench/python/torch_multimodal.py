#!/usr/bin/env python3
"""The multimodal CTR network of Workbench's TrainingBenchmark in PyTorch: the peer for training speed.

Same shapes: 8 numeric features normalised, 4 categorical columns embedded from one shared table of
4 x 1024 rows of 8 (the hash is precomputed here, which favours PyTorch slightly), a 64x64x3 image /255
through conv 3x3 16 (same) + ReLU + max-pool 2, conv 3x3 32 + ReLU + max-pool 2, dense 64 + ReLU, then
the concatenation (8 + 32 + 64) through dense 64, 32 and a logit; Adam, sigmoid cross-entropy.
Prints the median training examples/s of several timed runs.
"""
import argparse
import statistics
import time

import torch
from torch import nn


class Multimodal(nn.Module):
    def __init__(self, numeric=8, categorical=4, buckets=1024, embedding=8, filters=16):
        super().__init__()
        self.embedding = nn.Embedding(categorical * buckets, embedding)
        self.image = nn.Sequential(
            nn.Conv2d(3, filters, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(filters, 2 * filters, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(16 * 16 * 2 * filters, 64), nn.ReLU())
        self.head = nn.Sequential(
            nn.Linear(numeric + categorical * embedding + 64, 64), nn.ReLU(),
            nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, numeric, categorical, image):
        embedded = self.embedding(categorical).flatten(1)
        return self.head(torch.cat([numeric, embedded, self.image(image / 255.0)], dim=1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cpu")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    device = torch.device(args.device)
    model = Multimodal().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.BCEWithLogitsLoss()
    n = args.batch
    numeric = torch.randn(n, 8, device=device)
    categorical = (torch.randint(0, 1024, (n, 4)) + torch.arange(4) * 1024).to(device)
    image = (torch.rand(n, 3, 64, 64) * 255).to(device)
    labels = (torch.rand(n, 1) < 0.15).float().to(device)

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(numeric, categorical, image), labels)
        loss.backward()
        optimizer.step()

    for _ in range(3):
        step()
    rates = []
    for _ in range(args.repeats):
        if device.type == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        for _ in range(args.steps):
            step()
        if device.type == "cuda":
            torch.cuda.synchronize()
        rates.append(args.steps * n / (time.perf_counter() - start))
    print(f"torch {torch.__version__} {args.device} threads={args.threads} batch={n}: "
          f"median {statistics.median(rates):.0f} examples/s (runs: {', '.join(f'{r:.0f}' for r in rates)})")


if __name__ == "__main__":
    main()
