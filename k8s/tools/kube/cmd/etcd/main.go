// Command etcd is the etcd server built from its Go module, because no etcd
// release binary can be downloaded on our build machines.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
