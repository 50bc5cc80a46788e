#!/usr/bin/env python3
"""CPU seconds (user + system, from /proc) and wall seconds of the JVMs the process tests start, with the
JVM's default options and with -XX:TieredStopAtLevel=1 -XX:+UseSerialGC, in alternating runs:
'spate --version', 'spate list' against a closed port, and a 'spate jobmanager' until it wrote its address file. Usage: suite3-jvm-cpu.py CLASSPATH_FILE ROUNDS"""
import os, subprocess, sys, tempfile, time

CP = open(sys.argv[1]).read().strip()
ROUNDS = int(sys.argv[2])
MODES = {"default": [], "c1-serial": ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]}
TICK = os.sysconf("SC_CLK_TCK")

def cpu_of_children():
    usage = os.times()
    return usage.children_user + usage.children_system

def short(opts, args):
    before, start = cpu_of_children(), time.time()
    subprocess.run(["java", *opts, "-cp", CP, "io.spate.cli.SpateCli", *args], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=300)
    return cpu_of_children() - before, time.time() - start

def jobmanager(opts):
    home = tempfile.mkdtemp(prefix="suite3-jm-")
    os.makedirs(home + "/conf")
    with open(home + "/conf/spate.yaml", "w") as f:
        f.write("rest.address: 127.0.0.1\nrest.port: 0\n")
    address = home + "/address"
    start = time.time()
    p = subprocess.Popen(["java", *opts, "-cp", CP, "io.spate.cli.SpateCli", "jobmanager", "--address-file", address],
                         cwd=home, env={**os.environ, "SPATE_HOME": home}, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    try:
        deadline = start + 300
        while not os.path.exists(address) and time.time() < deadline and p.poll() is None:
            time.sleep(0.05)
        wall = time.time() - start
        fields = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / TICK
    finally:
        p.terminate()
        p.wait(timeout=60)
    return cpu, wall

for round_ in range(ROUNDS):
    for mode, opts in MODES.items():
        load = open("/proc/loadavg").read().split()[0]
        v = short(opts, ["--version"])
        l = short(opts, ["list", "-m", "127.0.0.1:1"])
        j = jobmanager(opts)
        print(f"round {round_ + 1} {mode:9s} load {load:>5s}  --version cpu {v[0]:5.2f} s wall {v[1]:5.2f} s"
              f"  list cpu {l[0]:5.2f} s wall {l[1]:5.2f} s  jobmanager-ready cpu {j[0]:5.2f} s wall {j[1]:5.2f} s",
              flush=True)
